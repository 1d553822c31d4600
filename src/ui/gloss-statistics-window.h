/* gloss-statistics-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "gloss.h"

G_BEGIN_DECLS

#define GLOSS_TYPE_STATISTICS_WINDOW (gloss_statistics_window_get_type())

G_DECLARE_FINAL_TYPE (GlossStatisticsWindow, gloss_statistics_window, GLOSS, STATISTICS_WINDOW, AdwWindow)

GlossStatisticsWindow *gloss_statistics_window_new              (GlossCorpus            *corpus);
GlossCorpus           *gloss_statistics_window_get_corpus       (GlossStatisticsWindow  *self);
void                   gloss_statistics_window_set_corpus       (GlossStatisticsWindow  *self,
                                                                 GlossCorpus            *corpus);
GlossCorpus           *gloss_statistics_window_get_other_corpus (GlossStatisticsWindow  *self);
void                   gloss_statistics_window_set_other_corpus (GlossStatisticsWindow  *self,
                                                                 GlossCorpus            *other_corpus);
GlossStatistics       *gloss_statistics_window_get_statistics   (GlossStatisticsWindow  *self);
GlossAgreement        *gloss_statistics_window_get_agreement    (GlossStatisticsWindow  *self);
gboolean               gloss_statistics_window_export_csv       (GlossStatisticsWindow  *self,
                                                                 const char             *table,
                                                                 GFile                  *file,
                                                                 GError                **error);

G_END_DECLS
