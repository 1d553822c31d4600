/* gloss-bar-chart.c: a horizontal bar chart
 *
 * Each row is a name, a bar and a value, in three columns (the values in
 * a column of their own read more easily than values at each bar's end).
 * The name and the value are real
 * GtkLabels, children of the chart: they take the theme's colours in the
 * light and the dark style, a screen reader reads them, and they are
 * translated with the rest of the interface. Only the bars are drawn. A
 * bar may be made of segments of several colours (a histogram's bin split
 * by label). Under a right-to-left direction the chart mirrors: names on
 * the right, bars growing to the left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-bar-chart"

#include "config.h"

#include "gloss-bar-chart.h"

#define COLUMN_SPACING 12
#define ROW_SPACING     6
#define BAR_HEIGHT     18
#define MIN_BAR_WIDTH  48
#define NAT_BAR_WIDTH 320
#define BAR_RADIUS      3

typedef struct
{
  GtkWidget *name;
  GtkWidget *value;
  GArray    *segments;
  double     total;

  /* Where the last allocation put the bar, in widget coordinates. */
  graphene_rect_t bar;
} Row;

struct _GlossBarChart
{
  GtkWidget  parent_instance;

  GPtrArray *rows;
  double     max;

  /* The width a full bar takes, from the last allocation. */
  int        bar_width;
};

G_DEFINE_FINAL_TYPE (GlossBarChart, gloss_bar_chart, GTK_TYPE_WIDGET)

static void
row_free (gpointer data)
{
  Row *row = data;

  gtk_widget_unparent (row->name);
  gtk_widget_unparent (row->value);
  g_array_unref (row->segments);
  g_free (row);
}

static double
chart_max (GlossBarChart *self)
{
  double max = 0;

  if (self->max > 0)
    return self->max;

  for (guint i = 0; i < self->rows->len; i++)
    max = MAX (max, ((Row *)g_ptr_array_index (self->rows, i))->total);

  return max;
}

static void
measure_labels (GlossBarChart *self,
                int           *name_min,
                int           *name_nat,
                int           *value_nat)
{
  *name_min = *name_nat = *value_nat = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      int min, nat;

      gtk_widget_measure (row->name, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
      *name_min = MAX (*name_min, min);
      *name_nat = MAX (*name_nat, nat);
      gtk_widget_measure (row->value, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
      *value_nat = MAX (*value_nat, nat);
    }
}

static int
row_height (Row *row)
{
  int name_height;
  int value_height;

  gtk_widget_measure (row->name, GTK_ORIENTATION_VERTICAL, -1, NULL, &name_height, NULL, NULL);
  gtk_widget_measure (row->value, GTK_ORIENTATION_VERTICAL, -1, NULL, &value_height, NULL, NULL);

  return MAX (BAR_HEIGHT, MAX (name_height, value_height));
}

/* Places @child at @x from the start edge: from the left, or from the
 * right under a right-to-left direction. */
static void
allocate_child (GtkWidget *child,
                gboolean   rtl,
                int        width,
                int        x,
                int        y,
                int        child_width,
                int        child_height)
{
  GtkAllocation allocation = {
    .x = rtl ? width - x - child_width : x,
    .y = y,
    .width = child_width,
    .height = child_height,
  };

  gtk_widget_size_allocate (child, &allocation, -1);
}

static void
gloss_bar_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GlossBarChart *self = GLOSS_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int name_min, name_nat, value_nat;

      measure_labels (self, &name_min, &name_nat, &value_nat);
      *minimum = name_min + COLUMN_SPACING + MIN_BAR_WIDTH + COLUMN_SPACING + value_nat;
      *natural = name_nat + COLUMN_SPACING + NAT_BAR_WIDTH + COLUMN_SPACING + value_nat;
    }
  else
    {
      int height = 0;

      for (guint i = 0; i < self->rows->len; i++)
        height += row_height (g_ptr_array_index (self->rows, i)) + (i > 0 ? ROW_SPACING : 0);
      *minimum = *natural = height;
    }
}

static void
gloss_bar_chart_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  GlossBarChart *self = GLOSS_BAR_CHART (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  int name_min, name_nat, value_nat;
  int name_width;
  int y = 0;

  measure_labels (self, &name_min, &name_nat, &value_nat);
  name_width = MAX (name_min, MIN (name_nat, width - value_nat - 2 * COLUMN_SPACING - MIN_BAR_WIDTH));
  self->bar_width = MAX (0, width - name_width - value_nat - 2 * COLUMN_SPACING);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      int h = row_height (row);
      int bar_x = name_width + COLUMN_SPACING;

      allocate_child (row->name, rtl, width, 0, y, name_width, h);
      allocate_child (row->value, rtl, width, bar_x + self->bar_width + COLUMN_SPACING, y, value_nat, h);
      graphene_rect_init (&row->bar, rtl ? width - bar_x - self->bar_width : bar_x,
                          y + (h - BAR_HEIGHT) / 2.0, self->bar_width, BAR_HEIGHT);
      y += h + ROW_SPACING;
    }
}

/* The bar's segments, from the start edge, clipped to the rounded bar. */
static void
snapshot_segments (GtkSnapshot *snapshot,
                   Row         *row,
                   double       max,
                   gboolean     rtl)
{
  double done = 0;

  for (guint j = 0; j < row->segments->len && done < max; j++)
    {
      GlossBarSegment *segment = &g_array_index (row->segments, GlossBarSegment, j);
      double value = MIN (MAX (segment->value, 0), max - done);
      double offset = row->bar.size.width * done / max;
      double length = row->bar.size.width * value / max;
      graphene_rect_t rect;

      done += value;
      if (length <= 0)
        continue;

      graphene_rect_init (&rect,
                          rtl ? row->bar.origin.x + row->bar.size.width - offset - length
                              : row->bar.origin.x + offset,
                          row->bar.origin.y, length, row->bar.size.height);
      gtk_snapshot_append_color (snapshot, &segment->color, &rect);
    }
}

static void
gloss_bar_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  GlossBarChart *self = GLOSS_BAR_CHART (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  double max = chart_max (self);
  GdkRGBA track;

  /* The track is the text colour, faint: it shows in either style. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &track);
  track.alpha *= 0.1;

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      GskRoundedRect clip;

      gsk_rounded_rect_init_from_rect (&clip, &row->bar, BAR_RADIUS);
      gtk_snapshot_push_rounded_clip (snapshot, &clip);
      gtk_snapshot_append_color (snapshot, &track, &row->bar);
      if (max > 0)
        snapshot_segments (snapshot, row, max, rtl);
      gtk_snapshot_pop (snapshot);

      gtk_widget_snapshot_child (widget, row->name, snapshot);
      gtk_widget_snapshot_child (widget, row->value, snapshot);
    }
}

static void
gloss_bar_chart_direction_changed (GtkWidget        *widget,
                                   GtkTextDirection  previous)
{
  gtk_widget_queue_allocate (widget);
}

static void
gloss_bar_chart_dispose (GObject *object)
{
  GlossBarChart *self = (GlossBarChart *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_bar_chart_parent_class)->dispose (object);
}

static void
gloss_bar_chart_class_init (GlossBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_bar_chart_dispose;

  widget_class->measure = gloss_bar_chart_measure;
  widget_class->size_allocate = gloss_bar_chart_size_allocate;
  widget_class->snapshot = gloss_bar_chart_snapshot;
  widget_class->direction_changed = gloss_bar_chart_direction_changed;

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gloss_bar_chart_init (GlossBarChart *self)
{
  self->rows = g_ptr_array_new_with_free_func (row_free);
}

GtkWidget *
gloss_bar_chart_new (void)
{
  return g_object_new (GLOSS_TYPE_BAR_CHART, NULL);
}

void
gloss_bar_chart_clear (GlossBarChart *self)
{
  g_return_if_fail (GLOSS_IS_BAR_CHART (self));

  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * gloss_bar_chart_append:
 * @name: what the row counts, shown before the bar
 * @value: the row's value as text, shown after the bar
 * @segments: (array length=n_segments): the bar's parts, from the start
 *
 * Adds a row at the end.
 */
void
gloss_bar_chart_append (GlossBarChart         *self,
                        const char            *name,
                        const char            *value,
                        const GlossBarSegment *segments,
                        guint                  n_segments)
{
  Row *row;

  g_return_if_fail (GLOSS_IS_BAR_CHART (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (value != NULL);
  g_return_if_fail (segments != NULL || n_segments == 0);

  row = g_new0 (Row, 1);
  row->name = g_object_new (GTK_TYPE_LABEL,
                            "label", name,
                            "xalign", 0.0f,
                            "ellipsize", PANGO_ELLIPSIZE_END,
                            "tooltip-text", name,
                            NULL);
  row->value = g_object_new (GTK_TYPE_LABEL,
                             "label", value,
                             "xalign", 0.0f,
                             "css-classes", (const char *[]) { "numeric", NULL },
                             NULL);
  row->segments = g_array_sized_new (FALSE, FALSE, sizeof (GlossBarSegment), n_segments);
  g_array_append_vals (row->segments, segments, n_segments);
  for (guint i = 0; i < n_segments; i++)
    row->total += MAX (0, segments[i].value);

  gtk_widget_set_parent (row->name, GTK_WIDGET (self));
  gtk_widget_set_parent (row->value, GTK_WIDGET (self));
  g_ptr_array_add (self->rows, row);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
gloss_bar_chart_get_n_rows (GlossBarChart *self)
{
  g_return_val_if_fail (GLOSS_IS_BAR_CHART (self), 0);

  return self->rows->len;
}

double
gloss_bar_chart_get_max (GlossBarChart *self)
{
  g_return_val_if_fail (GLOSS_IS_BAR_CHART (self), 0);

  return self->max;
}

/**
 * gloss_bar_chart_set_max:
 * @max: the value a full bar stands for, or 0 for the largest row's
 *
 * A fixed maximum suits scores between 0 and 1; counts scale to the
 * largest.
 */
void
gloss_bar_chart_set_max (GlossBarChart *self,
                         double         max)
{
  g_return_if_fail (GLOSS_IS_BAR_CHART (self));

  self->max = MAX (0, max);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}
