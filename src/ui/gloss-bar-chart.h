/* gloss-bar-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * GlossBarSegment:
 * @value: how long the segment is, in the chart's units
 * @color: its colour
 *
 * A part of a bar; a row's segments are drawn one after the other.
 */
typedef struct
{
  double  value;
  GdkRGBA color;
} GlossBarSegment;

#define GLOSS_TYPE_BAR_CHART (gloss_bar_chart_get_type())

G_DECLARE_FINAL_TYPE (GlossBarChart, gloss_bar_chart, GLOSS, BAR_CHART, GtkWidget)

GtkWidget *gloss_bar_chart_new        (void);
void       gloss_bar_chart_clear      (GlossBarChart         *self);
void       gloss_bar_chart_append     (GlossBarChart         *self,
                                       const char            *name,
                                       const char            *value,
                                       const GlossBarSegment *segments,
                                       guint                  n_segments);
guint      gloss_bar_chart_get_n_rows (GlossBarChart         *self);
double     gloss_bar_chart_get_max    (GlossBarChart         *self);
void       gloss_bar_chart_set_max    (GlossBarChart         *self,
                                       double                 max);

G_END_DECLS
