/* gloss-statistics.h: what a corpus holds, counted, and as CSV tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "gloss-agreement.h"
#include "gloss-corpus.h"

G_BEGIN_DECLS

/* Stands for every label at once where a label index is asked for. */
#define GLOSS_STATISTICS_ALL_LABELS G_MAXUINT

/**
 * GlossStatisticsTable:
 * @GLOSS_STATISTICS_TABLE_LABELS: spans per label
 * @GLOSS_STATISTICS_TABLE_DOCUMENTS: each document's length, state and spans
 * @GLOSS_STATISTICS_TABLE_LENGTHS: how many spans have a length in each bin
 *
 * The tables gloss_statistics_to_csv() writes.
 */
typedef enum
{
  GLOSS_STATISTICS_TABLE_LABELS,
  GLOSS_STATISTICS_TABLE_DOCUMENTS,
  GLOSS_STATISTICS_TABLE_LENGTHS,
} GlossStatisticsTable;

typedef struct _GlossStatistics GlossStatistics;

#define GLOSS_TYPE_STATISTICS (gloss_statistics_get_type())

GType            gloss_statistics_get_type            (void) G_GNUC_CONST;
GlossStatistics *gloss_statistics_compute             (GlossCorpus          *corpus);
GlossStatistics *gloss_statistics_ref                 (GlossStatistics      *self);
void             gloss_statistics_unref               (GlossStatistics      *self);

guint            gloss_statistics_get_n_documents     (GlossStatistics      *self);
guint            gloss_statistics_get_n_done          (GlossStatistics      *self);
guint            gloss_statistics_get_n_spans         (GlossStatistics      *self);
guint64          gloss_statistics_get_n_characters    (GlossStatistics      *self);
guint            gloss_statistics_get_n_annotators    (GlossStatistics      *self);

guint            gloss_statistics_get_n_labels        (GlossStatistics      *self);
const char      *gloss_statistics_get_label           (GlossStatistics      *self,
                                                       guint                 label);
const char      *gloss_statistics_get_label_name      (GlossStatistics      *self,
                                                       guint                 label);
const char      *gloss_statistics_get_label_color     (GlossStatistics      *self,
                                                       guint                 label);
guint            gloss_statistics_get_label_spans     (GlossStatistics      *self,
                                                       guint                 label);

guint            gloss_statistics_get_document_spans  (GlossStatistics      *self,
                                                       guint                 document,
                                                       guint                 label);

guint            gloss_statistics_get_n_bins          (GlossStatistics      *self);
guint            gloss_statistics_get_bin_start       (GlossStatistics      *self,
                                                       guint                 bin);
guint            gloss_statistics_get_bin_end         (GlossStatistics      *self,
                                                       guint                 bin);
guint            gloss_statistics_get_bin_spans       (GlossStatistics      *self,
                                                       guint                 bin,
                                                       guint                 label);

GBytes          *gloss_statistics_to_csv              (GlossStatistics      *self,
                                                       GlossStatisticsTable  table);
GBytes          *gloss_statistics_agreement_to_csv    (GlossAgreement       *agreement,
                                                       guint                 first,
                                                       guint                 second);
void             gloss_csv_append_field               (GString              *out,
                                                       const char           *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlossStatistics, gloss_statistics_unref)

G_END_DECLS
