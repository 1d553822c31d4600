/* gloss-statistics-window.c: what a corpus holds, in numbers and charts
 *
 * Three pages: an overview (summary, spans per label, span lengths), the
 * documents with their spans and state, and the agreement with a second
 * corpus when one is set. The counts come from gloss-statistics.c and the
 * scores from gloss-agreement.c; this file only shows them.
 *
 * The window follows its corpus: each change schedules a recount a moment
 * later, so a burst of changes (a gazetteer run, an undo of a batch) costs
 * one; while the window is hidden nothing is counted until it shows, and
 * the agreement only while its page shows. The
 * documents page lists the corpus itself, through a GtkColumnView that
 * only makes rows for what is visible, so thousands of documents scroll
 * freely and each row follows its document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-statistics-window"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "gloss-bar-chart.h"
#include "gloss-statistics-window.h"

/* Long enough to fold a burst of changes into one recount, short enough
 * to feel live. */
#define UPDATE_DELAY_MS 250

/* A comparison of corpora that do not match can list every document. */
#define MAX_PROBLEM_ROWS 50

struct _GlossStatisticsWindow
{
  AdwWindow            parent_instance;

  GlossCorpus         *corpus;
  GlossCorpus         *other_corpus;
  GlossStatistics     *statistics;
  GlossAgreement      *agreement;
  GPtrArray           *problem_rows;
  guint                update_source;
  guint                stale : 1;
  guint                agreement_stale : 1;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwViewStack        *stack;
  GtkLabel            *documents_value;
  GtkLabel            *documents_caption;
  GtkLabel            *done_value;
  GtkLabel            *done_caption;
  GtkLabel            *spans_value;
  GtkLabel            *spans_caption;
  GtkLabel            *characters_value;
  GtkLabel            *characters_caption;
  GtkLabel            *annotators_value;
  GtkLabel            *annotators_caption;
  GlossBarChart       *labels_chart;
  GtkStack            *lengths_stack;
  GlossBarChart       *lengths_chart;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  GtkColumnView       *documents_view;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *characters_column;
  GtkColumnViewColumn *spans_column;
  GtkColumnViewColumn *done_column;
  GtkStack            *agreement_stack;
  AdwPreferencesGroup *agreement_group;
  GtkLabel            *exact_value;
  GtkLabel            *partial_value;
  GtkLabel            *kappa_value;
  GtkLabel            *alpha_value;
  GlossBarChart       *agreement_chart;
  AdwPreferencesGroup *problems_group;
};

G_DEFINE_FINAL_TYPE (GlossStatisticsWindow, gloss_statistics_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CORPUS,
  PROP_OTHER_CORPUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef void (*CellRefresh) (GtkListItem   *item,
                             GlossDocument *document);

/* The tables "Export as CSV" offers, by the action's target. */
static const struct {
  const char           *name;
  GlossStatisticsTable  table;
  const char           *title;
} csv_tables[] = {
  { "labels", GLOSS_STATISTICS_TABLE_LABELS, N_("Export Spans per Label") },
  { "documents", GLOSS_STATISTICS_TABLE_DOCUMENTS, N_("Export Documents") },
  { "lengths", GLOSS_STATISTICS_TABLE_LENGTHS, N_("Export Span Lengths") },
  { "agreement", 0, N_("Export Agreement") },
};

/* Formatting */

/* A count with the locale's digit grouping. */
static char *
format_count (guint64 count)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, count);
}

/* A score with the locale's decimal sign, or “n/a” where it is undefined. */
static char *
format_score (double score)
{
  if (isnan (score))
    return g_strdup (_("n/a"));

  return g_strdup_printf ("%.2f", score);
}

static GdkRGBA
label_color (GlossStatistics *statistics,
             guint            label)
{
  const char *color = gloss_statistics_get_label_color (statistics, label);
  GdkRGBA rgba = { 0.5, 0.5, 0.5, 1.0 };

  if (color != NULL)
    gdk_rgba_parse (&rgba, color);

  return rgba;
}

/* What to call a corpus: its file's name without the extension. */
static char *
corpus_name (GlossCorpus *corpus,
             const char  *fallback)
{
  GFile *file = gloss_corpus_get_file (corpus);
  g_autofree char *basename = NULL;

  if (file == NULL)
    return g_strdup (fallback);

  basename = g_file_get_basename (file);
  if (g_str_has_suffix (basename, ".gloss.json"))
    basename[strlen (basename) - strlen (".gloss.json")] = '\0';

  return g_steal_pointer (&basename);
}

static void
set_count (GtkLabel   *value,
           GtkLabel   *caption,
           guint64     count,
           const char *caption_text)
{
  g_autofree char *text = format_count (count);

  gtk_label_set_label (value, text);
  gtk_label_set_label (caption, caption_text);
}

/* Showing the counts */

static void
show_summary (GlossStatisticsWindow *self)
{
  GlossStatistics *statistics = self->statistics;
  guint n_documents = statistics != NULL ? gloss_statistics_get_n_documents (statistics) : 0;
  guint n_done = statistics != NULL ? gloss_statistics_get_n_done (statistics) : 0;
  guint n_spans = statistics != NULL ? gloss_statistics_get_n_spans (statistics) : 0;
  guint64 n_characters = statistics != NULL ? gloss_statistics_get_n_characters (statistics) : 0;
  guint n_annotators = statistics != NULL ? gloss_statistics_get_n_annotators (statistics) : 0;

  set_count (self->documents_value, self->documents_caption, n_documents,
             /* Translators: the captions under the statistics' numbers,
              * such as “12” over “documents” */
             ngettext ("document", "documents", n_documents));
  set_count (self->done_value, self->done_caption, n_done,
             /* Translators: caption under the number of documents marked done */
             ngettext ("document done", "documents done", n_done));
  set_count (self->spans_value, self->spans_caption, n_spans,
             /* Translators: caption under the number of spans */
             ngettext ("span", "spans", n_spans));
  set_count (self->characters_value, self->characters_caption, n_characters,
             /* Translators: caption under the length of all the texts */
             ngettext ("character", "characters", n_characters));
  set_count (self->annotators_value, self->annotators_caption, n_annotators,
             /* Translators: caption under the number of people who labelled */
             ngettext ("annotator", "annotators", n_annotators));
}

static void
show_labels (GlossStatisticsWindow *self)
{
  GlossStatistics *statistics = self->statistics;

  gloss_bar_chart_clear (self->labels_chart);
  for (guint i = 0; statistics != NULL && i < gloss_statistics_get_n_labels (statistics); i++)
    {
      guint count = gloss_statistics_get_label_spans (statistics, i);
      g_autofree char *value = format_count (count);
      GlossBarSegment segment = { count, label_color (statistics, i) };

      gloss_bar_chart_append (self->labels_chart, gloss_statistics_get_label_name (statistics, i),
                              value, &segment, 1);
    }
}

static char *
bin_name (GlossStatistics *statistics,
          guint            bin)
{
  g_autofree char *start = format_count (gloss_statistics_get_bin_start (statistics, bin));
  g_autofree char *end = format_count (gloss_statistics_get_bin_end (statistics, bin));

  if (gloss_statistics_get_bin_start (statistics, bin) == gloss_statistics_get_bin_end (statistics, bin))
    return g_steal_pointer (&start);

  /* Translators: a range of span lengths, such as “4–7” characters */
  return g_strdup_printf (_("%s–%s"), start, end);
}

static void
show_lengths (GlossStatisticsWindow *self)
{
  GlossStatistics *statistics = self->statistics;
  guint n_bins = statistics != NULL ? gloss_statistics_get_n_bins (statistics) : 0;
  guint n_labels = statistics != NULL ? gloss_statistics_get_n_labels (statistics) : 0;
  g_autofree GlossBarSegment *segments = g_new0 (GlossBarSegment, MAX (n_labels, 1));

  gloss_bar_chart_clear (self->lengths_chart);
  for (guint bin = 0; bin < n_bins; bin++)
    {
      g_autofree char *name = bin_name (statistics, bin);
      g_autofree char *value = format_count (gloss_statistics_get_bin_spans (statistics, bin,
                                                                             GLOSS_STATISTICS_ALL_LABELS));

      for (guint k = 0; k < n_labels; k++)
        {
          segments[k].value = gloss_statistics_get_bin_spans (statistics, bin, k);
          segments[k].color = label_color (statistics, k);
        }
      gloss_bar_chart_append (self->lengths_chart, name, value, segments, n_labels);
    }

  gtk_stack_set_visible_child_name (self->lengths_stack, n_bins > 0 ? "chart" : "empty");
}

static void
show_progress (GlossStatisticsWindow *self)
{
  GlossStatistics *statistics = self->statistics;
  guint n_documents = statistics != NULL ? gloss_statistics_get_n_documents (statistics) : 0;
  guint n_done = statistics != NULL ? gloss_statistics_get_n_done (statistics) : 0;
  g_autofree char *done = format_count (n_done);
  g_autofree char *total = format_count (n_documents);
  g_autofree char *text = NULL;

  /* Translators: “3 of 12 documents done” */
  text = g_strdup_printf (ngettext ("%s of %s document done", "%s of %s documents done", n_documents),
                          done, total);
  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, n_documents > 0 ? (double)n_done / n_documents : 0);
}

static void
update_statistics (GlossStatisticsWindow *self)
{
  g_clear_pointer (&self->statistics, gloss_statistics_unref);
  if (self->corpus != NULL)
    self->statistics = gloss_statistics_compute (self->corpus);
  self->stale = FALSE;

  show_summary (self);
  show_labels (self);
  show_lengths (self);
  show_progress (self);
}

/* Showing the agreement */

/* A label's name in the interface's language, from the corpus's schema. */
static const char *
agreement_label_name (GlossStatisticsWindow *self,
                      const char            *id)
{
  GlossLabel *label = gloss_schema_lookup (gloss_corpus_get_schema (self->corpus), id);

  if (label == NULL)
    label = gloss_schema_lookup (gloss_corpus_get_schema (self->other_corpus), id);

  return label != NULL ? gloss_label_get_display_name (label, NULL) : id;
}

static void
show_span_scores (GlossStatisticsWindow *self,
                  GtkLabel              *value,
                  GlossAgreementMatch    match)
{
  GlossSpanScores micro;
  GlossSpanScores macro;
  g_autofree char *micro_text = NULL;
  g_autofree char *macro_text = NULL;
  g_autofree char *text = NULL;

  gloss_agreement_get_span_scores (self->agreement, 0, 1, match, GLOSS_AGREEMENT_ALL_LABELS, &micro);
  gloss_agreement_get_span_macro (self->agreement, 0, 1, match, &macro);
  micro_text = format_score (micro.f1);
  macro_text = format_score (macro.f1);
  /* Translators: two F1 scores, such as “0.82 micro · 0.77 macro” */
  text = g_strdup_printf (_("%s micro · %s macro"), micro_text, macro_text);
  gtk_label_set_label (value, text);
}

static void
show_label_scores (GlossStatisticsWindow *self)
{
  GlossSchema *schema = gloss_corpus_get_schema (self->corpus);

  gloss_bar_chart_clear (self->agreement_chart);
  gloss_bar_chart_set_max (self->agreement_chart, 1.0);

  for (guint k = 0; k < gloss_agreement_get_n_labels (self->agreement); k++)
    {
      const char *id = gloss_agreement_get_label (self->agreement, k);
      GlossLabel *label = gloss_schema_lookup (schema, id);
      GlossSpanScores exact;
      GlossSpanScores partial;
      GlossBarSegment segment = { 0, { 0.5, 0.5, 0.5, 1.0 } };
      g_autofree char *exact_text = NULL;
      g_autofree char *partial_text = NULL;
      g_autofree char *value = NULL;

      gloss_agreement_get_span_scores (self->agreement, 0, 1, GLOSS_AGREEMENT_EXACT, k, &exact);
      gloss_agreement_get_span_scores (self->agreement, 0, 1, GLOSS_AGREEMENT_PARTIAL, k, &partial);
      exact_text = format_score (exact.f1);
      partial_text = format_score (partial.f1);
      /* Translators: a label's F1 with exact, then partial matching */
      value = g_strdup_printf (_("%s / %s"), exact_text, partial_text);

      segment.value = isnan (exact.f1) ? 0 : exact.f1;
      if (label != NULL)
        gdk_rgba_parse (&segment.color, gloss_label_get_color (label));
      gloss_bar_chart_append (self->agreement_chart, agreement_label_name (self, id), value, &segment, 1);
    }
}

static void
show_problems (GlossStatisticsWindow *self)
{
  GPtrArray *problems = gloss_agreement_get_problems (self->agreement);

  for (guint i = 0; i < self->problem_rows->len; i++)
    adw_preferences_group_remove (self->problems_group, g_ptr_array_index (self->problem_rows, i));
  g_ptr_array_set_size (self->problem_rows, 0);

  for (guint i = 0; i < problems->len && i < MAX_PROBLEM_ROWS; i++)
    {
      GlossAgreementProblem *problem = g_ptr_array_index (problems, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->message);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (self->problems_group, row);
      g_ptr_array_add (self->problem_rows, row);
    }

  if (problems->len > MAX_PROBLEM_ROWS)
    {
      guint more = problems->len - MAX_PROBLEM_ROWS;
      g_autofree char *title = g_strdup_printf (ngettext ("And %u more document", "And %u more documents", more),
                                                more);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_group_add (self->problems_group, row);
      g_ptr_array_add (self->problem_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems->len > 0);
}

static void
update_agreement (GlossStatisticsWindow *self)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *description = NULL;
  g_autofree char *kappa = NULL;
  g_autofree char *alpha = NULL;
  guint n_documents;

  g_clear_pointer (&self->agreement, gloss_agreement_unref);
  self->agreement_stale = FALSE;

  if (self->corpus == NULL || self->other_corpus == NULL)
    {
      gtk_stack_set_visible_child_name (self->agreement_stack, "none");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.export-agreement", FALSE);
      return;
    }

  first = corpus_name (self->corpus, _("This corpus"));
  second = corpus_name (self->other_corpus, _("Other corpus"));
  self->agreement = gloss_agreement_compute ((GlossCorpus *[]) { self->corpus, self->other_corpus },
                                             (const char *[]) { first, second }, 2, NULL, NULL);

  n_documents = gloss_agreement_get_n_documents (self->agreement);
  /* Translators: “draft and review: 12 documents compared”; the names
   * are the two corpora's files */
  description = g_strdup_printf (ngettext ("%s and %s: %u document compared",
                                           "%s and %s: %u documents compared", n_documents),
                                 first, second, n_documents);
  adw_preferences_group_set_description (self->agreement_group, description);

  show_span_scores (self, self->exact_value, GLOSS_AGREEMENT_EXACT);
  show_span_scores (self, self->partial_value, GLOSS_AGREEMENT_PARTIAL);
  kappa = format_score (gloss_agreement_get_cohen_kappa (self->agreement, 0, 1, GLOSS_AGREEMENT_ALL_LABELS));
  gtk_label_set_label (self->kappa_value, kappa);
  alpha = format_score (gloss_agreement_get_krippendorff_alpha (self->agreement, GLOSS_AGREEMENT_ALL_LABELS));
  gtk_label_set_label (self->alpha_value, alpha);
  show_label_scores (self);
  show_problems (self);

  gtk_stack_set_visible_child_name (self->agreement_stack, "scores");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "statistics.export-agreement", TRUE);
}

/* Agreement tokenizes every document of both corpora (seconds for
 * thousands of documents): it is only computed while its page shows. */
static gboolean
agreement_shown (GlossStatisticsWindow *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack), "agreement") == 0;
}

static void
refresh (GlossStatisticsWindow *self)
{
  g_clear_handle_id (&self->update_source, g_source_remove);

  if (self->stale)
    update_statistics (self);
  if (self->agreement_stale && agreement_shown (self))
    update_agreement (self);
}

static gboolean
update_cb (gpointer data)
{
  GlossStatisticsWindow *self = data;

  self->update_source = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_update (GlossStatisticsWindow *self,
                 gboolean               counts,
                 gboolean               agreement)
{
  self->stale |= counts;
  self->agreement_stale |= agreement;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->update_source == 0)
    self->update_source = g_timeout_add (UPDATE_DELAY_MS, update_cb, self);
}

static void
on_corpus_changed_cb (GlossStatisticsWindow *self)
{
  schedule_update (self, TRUE, self->other_corpus != NULL);
}

static void
on_other_corpus_changed_cb (GlossStatisticsWindow *self)
{
  schedule_update (self, FALSE, TRUE);
}

static void
on_page_changed_cb (GlossStatisticsWindow *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

/* The documents' list */

static void
refresh_title (GtkListItem   *item,
               GlossDocument *document)
{
  const char *title = gloss_document_get_title (document);

  if (title == NULL || title[0] == '\0')
    title = gloss_document_get_id (document);
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), title);
}

static void
refresh_characters (GtkListItem   *item,
                    GlossDocument *document)
{
  g_autofree char *text = format_count (gloss_document_get_length (document));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
refresh_spans (GtkListItem   *item,
               GlossDocument *document)
{
  g_autofree char *text = format_count (gloss_document_get_n_spans (document));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
refresh_done (GtkListItem   *item,
              GlossDocument *document)
{
  GtkWidget *image = gtk_list_item_get_child (item);

  gtk_widget_set_opacity (image, gloss_document_get_done (document) ? 1.0 : 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gloss_document_get_done (document) ? _("Done") : _("Not done"), -1);
}

static void
on_document_notify_cb (GlossDocument *document,
                       GParamSpec    *pspec,
                       GtkListItem   *item)
{
  CellRefresh refresh_cell = g_object_get_data (G_OBJECT (item), "gloss-refresh");

  refresh_cell (item, document);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), numeric ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
setup_done_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  GtkWidget *image = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_widget_add_css_class (image, "success");
  gtk_list_item_set_child (item, image);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  refresh_cell)
{
  GlossDocument *document = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (item), "gloss-refresh", refresh_cell);
  ((CellRefresh)refresh_cell) (item, document);
  g_signal_connect (document, "notify", G_CALLBACK (on_document_notify_cb), item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  GlossDocument *document = gtk_list_item_get_item (item);

  if (document != NULL)
    g_signal_handlers_disconnect_by_func (document, on_document_notify_cb, item);
}

static void
set_column_factory (GtkColumnViewColumn *column,
                    GCallback            setup,
                    gpointer             setup_data,
                    CellRefresh          refresh_cell)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, setup_data);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), refresh_cell);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);
  gtk_column_view_column_set_factory (column, factory);
}

/* Export */

static const char *
csv_table_title (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (csv_tables); i++)
    if (g_str_equal (csv_tables[i].name, name))
      return _(csv_tables[i].title);

  return NULL;
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  GlossStatisticsWindow *self = GLOSS_STATISTICS_WINDOW (user_data);
  const char *table = g_object_get_data (G_OBJECT (dialog), "gloss-table");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (file != NULL)
    {
      if (gloss_statistics_window_export_csv (self, table, file, &error))
        {
          basename = g_file_get_basename (file);
          /* Translators: %s is a file name */
          message = g_strdup_printf (_("Saved “%s”"), basename);
        }
      else
        message = g_strdup (error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }

  g_object_unref (dialog);
}

static void
choose_csv_file (GlossStatisticsWindow *self,
                 const char            *table)
{
  const char *title = csv_table_title (table);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *dialog;

  if (title == NULL || self->corpus == NULL)
    return;

  /* Translators: the name suggested for an exported table, before
   * “-labels.csv” and such, when the corpus has no file yet */
  name = corpus_name (self->corpus, _("corpus"));
  suggested = g_strdup_printf ("%s-%s.csv", name, table);

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  g_object_set_data_full (G_OBJECT (dialog), "gloss-table", g_strdup (table), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_csv_file (GLOSS_STATISTICS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
export_agreement_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  choose_csv_file (GLOSS_STATISTICS_WINDOW (widget), "agreement");
}

/* GtkWidget and GObject */

static void
gloss_statistics_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (gloss_statistics_window_parent_class)->map (widget);

  refresh (GLOSS_STATISTICS_WINDOW (widget));
}

static void
gloss_statistics_window_dispose (GObject *object)
{
  GlossStatisticsWindow *self = (GlossStatisticsWindow *)object;

  g_clear_handle_id (&self->update_source, g_source_remove);
  gloss_statistics_window_set_corpus (self, NULL);
  gloss_statistics_window_set_other_corpus (self, NULL);
  g_clear_pointer (&self->statistics, gloss_statistics_unref);
  g_clear_pointer (&self->agreement, gloss_agreement_unref);
  g_clear_pointer (&self->problem_rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_STATISTICS_WINDOW);

  G_OBJECT_CLASS (gloss_statistics_window_parent_class)->dispose (object);
}

static void
gloss_statistics_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  GlossStatisticsWindow *self = GLOSS_STATISTICS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;

    case PROP_OTHER_CORPUS:
      g_value_set_object (value, self->other_corpus);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_statistics_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  GlossStatisticsWindow *self = GLOSS_STATISTICS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      gloss_statistics_window_set_corpus (self, g_value_get_object (value));
      break;

    case PROP_OTHER_CORPUS:
      gloss_statistics_window_set_other_corpus (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_statistics_window_class_init (GlossStatisticsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_statistics_window_dispose;
  object_class->get_property = gloss_statistics_window_get_property;
  object_class->set_property = gloss_statistics_window_set_property;

  widget_class->map = gloss_statistics_window_map;

  /**
   * GlossStatisticsWindow:corpus:
   *
   * The corpus counted; followed as it changes.
   */
  properties [PROP_CORPUS] =
    g_param_spec_object ("corpus", NULL, NULL, GLOSS_TYPE_CORPUS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GlossStatisticsWindow:other-corpus:
   *
   * Another annotator's corpus of the same texts: when set, the agreement
   * page compares the two.
   */
  properties [PROP_OTHER_CORPUS] =
    g_param_spec_object ("other-corpus", NULL, NULL, GLOSS_TYPE_CORPUS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GLOSS_TYPE_BAR_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-statistics-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, documents_value);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, documents_caption);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, done_value);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, done_caption);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, spans_value);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, spans_caption);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, characters_value);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, characters_caption);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, annotators_value);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, annotators_caption);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, labels_chart);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, lengths_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, lengths_chart);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, documents_view);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, title_column);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, characters_column);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, spans_column);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, done_column);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, agreement_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, agreement_group);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, exact_value);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, partial_value);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, kappa_value);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, alpha_value);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, agreement_chart);
  gtk_widget_class_bind_template_child (widget_class, GlossStatisticsWindow, problems_group);

  gtk_widget_class_install_action (widget_class, "statistics.export-csv", "s", export_csv_action);
  gtk_widget_class_install_action (widget_class, "statistics.export-agreement", NULL, export_agreement_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gloss_statistics_window_init (GlossStatisticsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->problem_rows = g_ptr_array_new ();
  g_signal_connect_swapped (self->stack, "notify::visible-child-name", G_CALLBACK (on_page_changed_cb), self);

  set_column_factory (self->title_column, G_CALLBACK (setup_label_cb), GINT_TO_POINTER (FALSE), refresh_title);
  set_column_factory (self->characters_column, G_CALLBACK (setup_label_cb), GINT_TO_POINTER (TRUE),
                      refresh_characters);
  set_column_factory (self->spans_column, G_CALLBACK (setup_label_cb), GINT_TO_POINTER (TRUE), refresh_spans);
  set_column_factory (self->done_column, G_CALLBACK (setup_done_cb), NULL, refresh_done);

  update_statistics (self);
  update_agreement (self);
}

/* Public API */

/**
 * gloss_statistics_window_new:
 * @corpus: (nullable): the corpus to count
 *
 * Returns: (transfer full): a new window
 */
GlossStatisticsWindow *
gloss_statistics_window_new (GlossCorpus *corpus)
{
  g_return_val_if_fail (corpus == NULL || GLOSS_IS_CORPUS (corpus), NULL);

  return g_object_new (GLOSS_TYPE_STATISTICS_WINDOW, "corpus", corpus, NULL);
}

/**
 * gloss_statistics_window_get_corpus:
 *
 * Returns: (transfer none) (nullable): the corpus counted
 */
GlossCorpus *
gloss_statistics_window_get_corpus (GlossStatisticsWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_STATISTICS_WINDOW (self), NULL);

  return self->corpus;
}

void
gloss_statistics_window_set_corpus (GlossStatisticsWindow *self,
                                    GlossCorpus           *corpus)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (GLOSS_IS_STATISTICS_WINDOW (self));
  g_return_if_fail (corpus == NULL || GLOSS_IS_CORPUS (corpus));

  if (self->corpus == corpus)
    return;

  if (self->corpus != NULL)
    g_signal_handlers_disconnect_by_func (self->corpus, on_corpus_changed_cb, self);
  g_set_object (&self->corpus, corpus);
  if (corpus != NULL)
    {
      g_signal_connect_swapped (corpus, "changed", G_CALLBACK (on_corpus_changed_cb), self);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (corpus)));
    }

  /* Dispose clears the corpus after the template's widgets are gone. */
  if (self->documents_view != NULL)
    gtk_column_view_set_model (self->documents_view, GTK_SELECTION_MODEL (selection));
  if (self->progress_label != NULL)
    schedule_update (self, TRUE, TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CORPUS]);
}

/**
 * gloss_statistics_window_get_other_corpus:
 *
 * Returns: (transfer none) (nullable): the corpus compared with
 */
GlossCorpus *
gloss_statistics_window_get_other_corpus (GlossStatisticsWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_STATISTICS_WINDOW (self), NULL);

  return self->other_corpus;
}

void
gloss_statistics_window_set_other_corpus (GlossStatisticsWindow *self,
                                          GlossCorpus           *other_corpus)
{
  g_return_if_fail (GLOSS_IS_STATISTICS_WINDOW (self));
  g_return_if_fail (other_corpus == NULL || GLOSS_IS_CORPUS (other_corpus));

  if (self->other_corpus == other_corpus)
    return;

  if (self->other_corpus != NULL)
    g_signal_handlers_disconnect_by_func (self->other_corpus, on_other_corpus_changed_cb, self);
  g_set_object (&self->other_corpus, other_corpus);
  if (other_corpus != NULL)
    g_signal_connect_swapped (other_corpus, "changed", G_CALLBACK (on_other_corpus_changed_cb), self);

  if (self->progress_label != NULL)
    schedule_update (self, FALSE, TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_OTHER_CORPUS]);
}

/**
 * gloss_statistics_window_get_statistics:
 *
 * Returns: (transfer none) (nullable): the counts shown, %NULL without a
 *   corpus
 */
GlossStatistics *
gloss_statistics_window_get_statistics (GlossStatisticsWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_STATISTICS_WINDOW (self), NULL);

  return self->statistics;
}

/**
 * gloss_statistics_window_get_agreement:
 *
 * Returns: (transfer none) (nullable): the scores the agreement page
 *   last showed, %NULL without a second corpus
 */
GlossAgreement *
gloss_statistics_window_get_agreement (GlossStatisticsWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_STATISTICS_WINDOW (self), NULL);

  return self->agreement;
}

/**
 * gloss_statistics_window_export_csv:
 * @table: “labels”, “documents”, “lengths” or “agreement”
 * @file: where to write
 *
 * Writes a table as CSV, counted afresh, replacing @file atomically:
 * whatever fails, @file is left as it was.
 *
 * Returns: whether the file was written
 */
gboolean
gloss_statistics_window_export_csv (GlossStatisticsWindow  *self,
                                    const char             *table,
                                    GFile                  *file,
                                    GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (GLOSS_IS_STATISTICS_WINDOW (self), FALSE);
  g_return_val_if_fail (table != NULL && csv_table_title (table) != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->corpus == NULL || (g_str_equal (table, "agreement") && self->other_corpus == NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is nothing to export"));
      return FALSE;
    }

  /* What is written is what the corpora hold now, not what the last
   * recount, perhaps a moment old, showed. */
  schedule_update (self, TRUE, self->other_corpus != NULL);
  refresh (self);
  if (self->agreement_stale)
    update_agreement (self);

  if (g_str_equal (table, "agreement"))
    bytes = gloss_statistics_agreement_to_csv (self->agreement, 0, 1);
  else
    for (guint i = 0; i < G_N_ELEMENTS (csv_tables); i++)
      if (g_str_equal (csv_tables[i].name, table))
        bytes = gloss_statistics_to_csv (self->statistics, csv_tables[i].table);

  return gloss_write_file_atomically (file, bytes, FALSE, NULL, error);
}
