/* gloss-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-color-dot.h"
#include "gloss-compare-bar.h"
#include "gloss-document-view.h"
#include "gloss-gazetteer-dialog.h"
#include "gloss-statistics-window.h"
#include "gloss-search-bar.h"
#include "gloss-window.h"

#define MAX_RECENT 8
#define MAX_REMEMBERED 100

struct _GlossWindow
{
  AdwApplicationWindow  parent_instance;

  GlossCorpus          *corpus;
  GlossDocument        *document;
  char                 *corpus_name;
  GtkWindow            *statistics_window;  /* weak */
  GtkFilterListModel   *filtered;
  GtkCustomFilter      *filter;
  GtkSingleSelection   *selection;
  GSettings            *settings;
  GCancellable         *cancellable;
  GCancellable         *task_cancellable;  /* the running import or export */
  GlossAutosave        *autosave;
  guint                 pulse_source;
  gboolean              narrow;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  GtkSearchEntry       *filter_entry;
  GtkToggleButton      *hide_done_button;
  GtkLabel             *progress_summary;
  GtkLevelBar          *done_level;
  GtkListView          *documents_view;
  AdwWindowTitle       *title_widget;
  AdwWindowTitle       *sidebar_title;
  GtkScrolledWindow    *document_scroller;
  GlossDocumentView    *document_view;
  GlossSearchBar       *search_bar;
  GlossCompareBar      *compare_bar;
  GtkWidget            *side_panel;
  GtkListBox           *palette_list;
  GtkLabel             *spans_heading;
  GtkStack             *spans_stack;
  GtkListView          *spans_view;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
};

G_DEFINE_FINAL_TYPE (GlossWindow, gloss_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CORPUS,
  PROP_DOCUMENT,
  PROP_BUSY,
  PROP_COMPARE_CORPUS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* What to do once unsaved changes are dealt with; it owns @data. */
typedef void (*ContinueFunc) (GlossWindow *self,
                              gpointer     data);

static void update_title        (GlossWindow *self);
static void update_actions      (GlossWindow *self);
static void update_spans_panel  (GlossWindow *self);
static void leave_panel_if_narrow (GlossWindow *self);
static void rebuild_palette     (GlossWindow *self);
static void save_then           (GlossWindow    *self,
                                 ContinueFunc    then,
                                 gpointer        data,
                                 GDestroyNotify  destroy);

/* Helpers */

/* Seconds between two recovery copies; GLOSS_AUTOSAVE_INTERVAL shortens
 * them for tests. */
static guint
autosave_interval (void)
{
  const char *value = g_getenv ("GLOSS_AUTOSAVE_INTERVAL");
  guint64 seconds;

  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 1, 24 * 60 * 60, &seconds, NULL))
    return seconds;

  return GLOSS_AUTOSAVE_DEFAULT_INTERVAL;
}

static void
show_toast (GlossWindow *self,
            const char  *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
show_error (GlossWindow *self,
            const char  *heading,
            const char  *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The errors of a load, one a line, at most ten, for a dialog's body. */
static char *
describe_problems (const GError *error,
                   GPtrArray    *problems)
{
  GString *body = g_string_new (NULL);
  guint n_errors = 0;

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      GlossProblem *problem = g_ptr_array_index (problems, i);

      if (problem->severity != GLOSS_SEVERITY_ERROR)
        continue;
      if (n_errors++ < 10)
        g_string_append_printf (body, "%s%s: %s", body->len > 0 ? "\n" : "", problem->path, problem->message);
    }

  if (n_errors > 10)
    {
      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "… and %u more problem", "… and %u more problems",
                                                 n_errors - 10),
                              n_errors - 10);
    }

  if (body->len == 0 && error != NULL)
    g_string_assign (body, error->message);

  return g_string_free (body, FALSE);
}

static char *
name_for_file (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);

  if (g_str_has_suffix (base, ".gloss.json"))
    base[strlen (base) - strlen (".gloss.json")] = '\0';

  return g_steal_pointer (&base);
}

static void
remember_recent (GlossWindow *self,
                 GFile       *file)
{
  g_auto(GStrv) old = g_settings_get_strv (self->settings, "recent-corpora");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (old[i], uri))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-corpora", (const char * const *)updated);
}

static void
remember_document (GlossWindow *self)
{
  g_autoptr(GVariant) old = NULL;
  g_autofree char *uri = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  const char *value;
  GFile *file;

  if (self->corpus == NULL || self->document == NULL ||
      (file = gloss_corpus_get_file (self->corpus)) == NULL)
    return;

  uri = g_file_get_uri (file);
  old = g_settings_get_value (self->settings, "last-documents");

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_builder_add (&builder, "{ss}", uri, gloss_document_get_id (self->document));
  g_variant_iter_init (&iter, old);
  for (guint n = 1; n < MAX_REMEMBERED && g_variant_iter_next (&iter, "{&s&s}", &key, &value); )
    if (!g_str_equal (key, uri))
      {
        g_variant_builder_add (&builder, "{ss}", key, value);
        n++;
      }

  g_settings_set_value (self->settings, "last-documents", g_variant_builder_end (&builder));
}

static GlossDocument *
last_document (GlossWindow *self)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, "last-documents");
  g_autofree char *uri = NULL;
  const char *id = NULL;
  GFile *file = gloss_corpus_get_file (self->corpus);

  if (file == NULL)
    return NULL;

  uri = g_file_get_uri (file);
  if (!g_variant_lookup (value, uri, "&s", &id))
    return NULL;

  return gloss_corpus_lookup_document (self->corpus, id);
}

/* Callbacks */

static void
on_corpus_dirty_cb (GlossWindow *self)
{
  update_title (self);
  update_actions (self);
}

static gboolean
on_drop_cb (GlossWindow  *self,
            const GValue *value,
            double        x,
            double        y)
{
  GSList *list = gdk_file_list_get_files (g_value_get_boxed (value));
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  g_slist_free (list);

  if (files->len == 0)
    return FALSE;

  gloss_window_open_files (self, (GFile **)files->pdata, files->len);

  return TRUE;
}

/* Leaving the window (for another, or because the session is ending) is
 * a moment to keep a copy of unsaved work, besides every interval. */
static void
on_active_changed_cb (GlossWindow *self)
{
  if (!gtk_window_is_active (GTK_WINDOW (self)))
    gloss_autosave_write_now (self->autosave);
}

static void
on_history_changed_cb (GlossWindow *self)
{
  update_actions (self);
}

static void set_spans_model (GlossWindow *self);

static void
on_schema_changed_cb (GlossWindow *self)
{
  rebuild_palette (self);
  /* The rows show their label's name and colour. */
  set_spans_model (self);
}

static void
on_document_spans_changed_cb (GlossWindow *self)
{
  update_spans_panel (self);
}

static void
on_selection_changed_cb (GlossWindow *self)
{
  GlossDocument *document = gtk_single_selection_get_selected_item (self->selection);

  if (document != NULL && document != self->document)
    gloss_window_show_document (self, document);
}

static gboolean
filter_document (gpointer item,
                 gpointer user_data)
{
  GlossWindow *self = user_data;
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  g_autofree char *title = NULL;
  g_autofree char *folded = NULL;

  if (gtk_toggle_button_get_active (self->hide_done_button) && gloss_document_get_done (item))
    return FALSE;

  if (needle == NULL || needle[0] == '\0')
    return TRUE;

  title = g_utf8_casefold (gloss_document_get_title (item), -1);
  folded = g_utf8_casefold (needle, -1);

  return strstr (title, folded) != NULL ||
         strstr (gloss_document_get_id (item), needle) != NULL;
}

static void
on_filter_changed_cb (GlossWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_actions (self);
}

static void
on_document_activated_cb (GlossWindow *self,
                          guint        position)
{
  GlossDocument *document = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (document != NULL)
    {
      gloss_window_show_document (self, document);
      g_object_unref (document);
    }

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
}

static void
on_back_clicked_cb (GlossWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_span_activated_cb (GlossWindow *self,
                      guint        position)
{
  GlossSpan *span;

  if (self->document == NULL || !(span = gloss_document_get_span (self->document, position)))
    return;

  leave_panel_if_narrow (self);
  gloss_document_view_reveal_span (self->document_view, span);
  gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
}

static void
on_view_action_failed_cb (GlossWindow  *self,
                          const GError *error)
{
  show_toast (self, error->message);
}

static void
apply_label (GlossWindow *self,
             const char  *label)
{
  g_autoptr(GError) error = NULL;
  guint start;
  guint end;

  if (self->document == NULL)
    return;

  if (!gloss_document_view_get_selection (self->document_view, &start, &end) || start == end)
    {
      show_toast (self, _("Select the text to label first"));
      gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
      return;
    }

  if (!gloss_document_view_label_selection (self->document_view, label,
                                            g_settings_get_boolean (self->settings, "snap-to-words"),
                                            &error))
    show_toast (self, error->message);

  gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
}

static void
on_palette_row_activated_cb (GlossWindow   *self,
                             GtkListBoxRow *row)
{
  leave_panel_if_narrow (self);
  apply_label (self, g_object_get_data (G_OBJECT (row), "gloss-label-id"));
}

/* List rows */

static gboolean task_is_running (GlossWindow *self);

static void
on_done_check_toggled_cb (GtkCheckButton *check,
                          GtkListItem    *item)
{
  GlossWindow *self = GLOSS_WINDOW (gtk_widget_get_root (GTK_WIDGET (check)));
  GlossDocument *document = gtk_list_item_get_item (item);
  g_autoptr(GError) error = NULL;

  if (document == NULL || self == NULL || self->corpus == NULL ||
      gtk_check_button_get_active (check) == gloss_document_get_done (document))
    return;

  if (task_is_running (self) ||
      !gloss_history_set_document_done (gloss_corpus_get_history (self->corpus), document,
                                        gtk_check_button_get_active (check), &error))
    {
      /* Refused (a task reads the corpus): the check goes back. */
      gtk_check_button_set_active (check, gloss_document_get_done (document));
      if (error != NULL)
        show_toast (self, error->message);
    }
}

static void
setup_document_row_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Done (Ctrl+D)"));
  g_signal_connect (check, "toggled", G_CALLBACK (on_done_check_toggled_cb), item);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (row), check);
  gtk_box_append (GTK_BOX (row), box);
  gtk_list_item_set_child (item, row);
}

static void
update_document_check (GlossDocument  *document,
                       GParamSpec     *pspec,
                       GtkCheckButton *check)
{
  gtk_check_button_set_active (check, gloss_document_get_done (document));
}

static void
update_document_caption (GlossDocument *document,
                         GParamSpec    *pspec,
                         GtkLabel      *caption)
{
  guint n = gloss_document_get_n_spans (document);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u span", "%u spans", n), n);

  gtk_label_set_label (caption, text);
}

static void
bind_document_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GlossDocument *document = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_first_child (row);
  GtkWidget *box = gtk_widget_get_last_child (row);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *caption = gtk_widget_get_last_child (box);
  const char *text = gloss_document_get_title (document);
  const char *shown = text[0] != '\0' ? text : gloss_document_get_id (document);

  gtk_label_set_label (GTK_LABEL (title), shown);
  gtk_widget_set_tooltip_text (box, text[0] != '\0' ? text : NULL);
  update_document_caption (document, NULL, GTK_LABEL (caption));
  g_signal_connect_object (document, "notify::n-spans", G_CALLBACK (update_document_caption), caption, 0);
  update_document_check (document, NULL, GTK_CHECK_BUTTON (check));
  g_signal_connect_object (document, "notify::done", G_CALLBACK (update_document_check), check, 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
}

static void
unbind_document_row_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  GlossDocument *document = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *caption = gtk_widget_get_last_child (gtk_widget_get_last_child (row));

  g_signal_handlers_disconnect_by_func (document, update_document_caption, caption);
  g_signal_handlers_disconnect_by_func (document, update_document_check, gtk_widget_get_first_child (row));
}

static void
setup_span_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *excerpt = gtk_label_new (NULL);
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (excerpt), 0);
  gtk_label_set_ellipsize (GTK_LABEL (excerpt), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (texts), excerpt);
  gtk_box_append (GTK_BOX (texts), caption);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (row), gtk_label_new (NULL));
  gtk_box_append (GTK_BOX (row), texts);
  gtk_widget_set_margin_top (row, 4);
  gtk_widget_set_margin_bottom (row, 4);
  gtk_list_item_set_child (item, row);
}

static void
bind_span_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  GlossWindow              *self)
{
  GlossSpan *span = gtk_list_item_get_item (item);
  GtkWidget *row = gtk_list_item_get_child (item);
  GtkWidget *dot = gtk_widget_get_first_child (row);
  GtkWidget *texts = gtk_widget_get_last_child (row);
  GlossLabel *label = gloss_schema_lookup (gloss_corpus_get_schema (self->corpus), gloss_span_get_label (span));
  g_autofree char *excerpt = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *markup = NULL;
  const char *name = label != NULL ? gloss_label_get_display_name (label, NULL) : gloss_span_get_label (span);
  const char *note;

  excerpt = gloss_document_dup_slice (self->document, gloss_span_get_start (span), gloss_span_get_end (span));
  g_strdelimit (excerpt, "\n\t", ' ');
  markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span>",
                                    label != NULL ? gloss_label_get_color (label) : "#777777");
  /* Translators: a span's label and where it is, e.g. "Principle · 12–27" */
  caption = g_strdup_printf (_("%s · %u–%u"), name, gloss_span_get_start (span), gloss_span_get_end (span));

  gtk_label_set_markup (GTK_LABEL (dot), markup);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (texts)), excerpt);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_last_child (texts)), caption);
  /* Setting a tooltip asks the X server where the pointer is: rows are
   * rebound thousands of times when a label goes with its spans. */
  note = gloss_span_get_note (span)[0] != '\0' ? gloss_span_get_note (span) : NULL;
  if (g_strcmp0 (gtk_widget_get_tooltip_text (row), note) != 0)
    gtk_widget_set_tooltip_text (row, note);
}

static void
rebuild_palette (GlossWindow *self)
{
  GlossSchema *schema;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->palette_list))))
    gtk_list_box_remove (self->palette_list, child);

  if (self->corpus == NULL)
    return;

  schema = gloss_corpus_get_schema (self->corpus);
  for (guint i = 0; i < gloss_schema_get_n_labels (schema); i++)
    {
      GlossLabel *label = gloss_schema_get_label (schema, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *name = gtk_label_new (gloss_label_get_display_name (label, NULL));
      GtkWidget *key = gtk_label_new (gloss_label_get_key (label));
      const char *description = gloss_label_get_display_description (label);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_add_css_class (key, "dim-label");
      gtk_widget_add_css_class (key, "monospace");
      gtk_box_append (GTK_BOX (box), gloss_color_dot_new (gloss_label_get_color (label)));
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), key);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_widget_set_tooltip_text (row, description[0] != '\0' ? description : NULL);
      g_object_set_data_full (G_OBJECT (row), "gloss-label-id",
                              g_strdup (gloss_label_get_id (label)), g_free);
      gtk_list_box_append (self->palette_list, row);
    }
}

static void
set_spans_model (GlossWindow *self)
{
  g_autoptr(GtkNoSelection) spans = NULL;

  if (self->document != NULL)
    spans = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->document)));

  gtk_list_view_set_model (self->spans_view, GTK_SELECTION_MODEL (spans));
}

static void
update_spans_panel (GlossWindow *self)
{
  guint n = self->document != NULL ? gloss_document_get_n_spans (self->document) : 0;
  g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Span", "%u Spans", n), n);

  gtk_label_set_label (self->spans_heading, heading);
  gtk_stack_set_visible_child_name (self->spans_stack, n > 0 ? "spans" : "empty");
}

/* "n of m done" under the sidebar; with Hide Done on, a document marked
 * done leaves the list and the next one still to do opens in its place. */
static void
update_progress (GlossWindow *self)
{
  guint n = self->corpus != NULL ? gloss_corpus_get_n_documents (self->corpus) : 0;
  guint n_done = self->corpus != NULL ? gloss_corpus_get_n_done (self->corpus) : 0;
  g_autofree char *summary = NULL;

  /* Translators: progress through a corpus: "3 of 12 documents done" */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u document done",
                                          "%u of %u documents done", n),
                             n_done, n);
  gtk_label_set_label (self->progress_summary, summary);
  gtk_level_bar_set_value (self->done_level, n > 0 ? (double)n_done / n : 0);
}

static void
on_n_done_changed_cb (GlossWindow *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  update_progress (self);

  if (!gtk_toggle_button_get_active (self->hide_done_button))
    return;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  if (self->document != NULL && gloss_document_get_done (self->document) &&
      position != GTK_INVALID_LIST_POSITION)
    {
      guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
      g_autoptr(GlossDocument) next = NULL;

      if (n_shown > 0)
        next = g_list_model_get_item (G_LIST_MODEL (self->selection), MIN (position, n_shown - 1));
      if (next != NULL)
        gloss_window_show_document (self, next);
    }

  update_actions (self);
}

static void
update_title (GlossWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  gboolean dirty = self->corpus != NULL && gloss_corpus_get_dirty (self->corpus);

  if (self->corpus == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Gloss"));
      return;
    }

  /* Translators: a corpus with unsaved changes; %s is its name */
  title = dirty ? g_strdup_printf (_("• %s"), self->corpus_name) : g_strdup (self->corpus_name);
  adw_window_title_set_title (self->title_widget, title);
  adw_window_title_set_subtitle (self->title_widget,
                                 self->document != NULL ? gloss_document_get_title (self->document) : NULL);
  adw_window_title_set_subtitle (self->sidebar_title, self->corpus_name);

  /* Translators: the window title: a corpus name, then the app's name */
  window_title = g_strdup_printf (_("%s — Gloss"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

/* While an import or export thread runs, nothing may change the corpus or
 * start another: every action that could is off. */
/* The position in the sidebar of the document after (@delta 1) or before
 * (-1) the one shown, or GTK_INVALID_LIST_POSITION. The shown document may
 * be filtered out of the sidebar (Hide Done): then its neighbours are the
 * nearest listed documents in corpus order. */
static guint
neighbour_position (GlossWindow *self,
                    int          delta)
{
  GListModel *shown = G_LIST_MODEL (self->selection);
  guint n_shown = g_list_model_get_n_items (shown);
  guint position = gtk_single_selection_get_selected (self->selection);
  guint current;

  if (self->document == NULL || n_shown == 0)
    return GTK_INVALID_LIST_POSITION;

  if (position != GTK_INVALID_LIST_POSITION)
    {
      if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n_shown))
        return GTK_INVALID_LIST_POSITION;
      return position + delta;
    }

  if (!gloss_corpus_find_document (self->corpus, self->document, &current))
    return GTK_INVALID_LIST_POSITION;

  /* The sidebar keeps corpus order, so a listed document's position is
   * the number of listed documents before it. */
  for (guint i = 0, listed = 0; i < gloss_corpus_get_n_documents (self->corpus); i++)
    {
      if (!filter_document (gloss_corpus_get_document (self->corpus, i), self))
        continue;
      if (i > current)
        return delta > 0 ? listed : (listed > 0 ? listed - 1 : GTK_INVALID_LIST_POSITION);
      listed++;
    }

  /* Nothing listed after the shown document. */
  if (delta < 0 && n_shown > 0)
    return n_shown - 1;

  return GTK_INVALID_LIST_POSITION;
}

static void
update_actions (GlossWindow *self)
{
  gboolean idle = !task_is_running (self);
  GlossHistory *history = self->corpus != NULL && idle ? gloss_corpus_get_history (self->corpus) : NULL;
  guint n = self->corpus != NULL ? gloss_corpus_get_n_documents (self->corpus) : 0;
  gboolean comparing;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", history != NULL && gloss_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", history != NULL && gloss_history_get_can_redo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", idle && self->corpus != NULL &&
                                 (gloss_corpus_get_dirty (self->corpus) || gloss_corpus_get_file (self->corpus) == NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", idle && self->corpus != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", idle && self->corpus != NULL && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.label", idle && self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-done", idle && self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-sample", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-texts", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-folder", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.pre-annotate", idle && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-document",
                                 neighbour_position (self, 1) != GTK_INVALID_LIST_POSITION);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-document",
                                 neighbour_position (self, -1) != GTK_INVALID_LIST_POSITION);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-panel", self->corpus != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.statistics", self->corpus != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-next", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find-previous", self->document != NULL);
  gloss_search_bar_set_can_label (self->search_bar, idle);

  comparing = gloss_compare_bar_get_other (self->compare_bar) != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare", idle && n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-disagreement", comparing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-disagreement", comparing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.accept-mine", idle && comparing && self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.accept-theirs", idle && comparing && self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-comparing", comparing);
}

static void
rebuild_recent (GlossWindow *self)
{
  g_auto(GStrv) uris = g_settings_get_strv (self->settings, "recent-corpora");
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *name = NULL;
      g_autofree char *parent = NULL;
      GtkWidget *row;

      if (!g_file_query_exists (file, NULL))
        continue;

      name = name_for_file (file);
      {
        g_autoptr(GFile) folder = g_file_get_parent (file);

        parent = folder != NULL ? g_file_get_parse_name (folder) : NULL;
      }
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), parent);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "gloss-uri", g_strdup (uris[i]), g_free);
      gtk_list_box_append (self->recent_list, row);
      n++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), n > 0);
}

static void
on_recent_row_activated_cb (GlossWindow   *self,
                            GtkListBoxRow *row)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_object_get_data (G_OBJECT (row), "gloss-uri"));

  gloss_window_open_file (self, file);
}

/* Corpus */

/* The other corpus goes with the one it was compared with. */
static void
stop_comparing (GlossWindow *self)
{
  if (gloss_compare_bar_get_other (self->compare_bar) == NULL)
    return;

  gloss_compare_bar_stop (self->compare_bar);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPARE_CORPUS]);
}

static void
disconnect_corpus (GlossWindow *self)
{
  if (self->corpus == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->corpus, self);
  g_settings_unbind (gloss_corpus_get_history (self->corpus), "annotator");
  g_signal_handlers_disconnect_by_data (gloss_corpus_get_history (self->corpus), self);
  g_signal_handlers_disconnect_by_data (gloss_corpus_get_schema (self->corpus), self);
}

static void
set_corpus_named (GlossWindow *self,
                  GlossCorpus *corpus,
                  const char  *name)
{
  GlossDocument *first;

  g_return_if_fail (GLOSS_IS_WINDOW (self));

  remember_document (self);
  gloss_window_show_document (self, NULL);
  stop_comparing (self);
  disconnect_corpus (self);
  g_set_object (&self->corpus, corpus);
  g_free (self->corpus_name);
  self->corpus_name = g_strdup (name);
  gloss_autosave_set_corpus (self->autosave, corpus, name);

  gtk_filter_list_model_set_model (self->filtered, corpus != NULL ? G_LIST_MODEL (corpus) : NULL);

  if (corpus != NULL)
    {
      g_signal_connect_object (corpus, "notify::dirty", G_CALLBACK (on_corpus_dirty_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (corpus, "items-changed", G_CALLBACK (on_history_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (corpus, "notify::n-documents", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (corpus, "notify::n-done", G_CALLBACK (on_n_done_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (gloss_corpus_get_history (corpus), "notify", G_CALLBACK (on_history_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (gloss_corpus_get_schema (corpus), "changed", G_CALLBACK (on_schema_changed_cb),
                               self, G_CONNECT_SWAPPED);
      /* Whatever adds spans through the history signs them. */
      g_settings_bind (self->settings, "annotator", gloss_corpus_get_history (corpus), "annotator",
                       G_SETTINGS_BIND_GET);
    }

  rebuild_palette (self);
  update_progress (self);
  gtk_stack_set_visible_child_name (self->main_stack, corpus != NULL ? "corpus" : "welcome");

  if (corpus != NULL && (first = last_document (self)) == NULL)
    first = gloss_corpus_get_document (corpus, 0);
  else if (corpus == NULL)
    first = NULL;
  gloss_window_show_document (self, first);

  update_title (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CORPUS]);
}

/* Asking before unsaved changes are lost */

typedef struct
{
  ContinueFunc   then;
  gpointer       data;
  GDestroyNotify destroy;
} Continuation;

static void
continuation_free (Continuation *next)
{
  if (next->data != NULL && next->destroy != NULL)
    next->destroy (next->data);
  g_free (next);
}

static void
on_unsaved_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        GlossWindow      *self)
{
  Continuation *next = g_object_get_data (G_OBJECT (dialog), "gloss-continuation");

  if (g_str_equal (response, "discard"))
    {
      gloss_corpus_set_dirty (self->corpus, FALSE);
      next->then (self, g_steal_pointer (&next->data));
    }
  else if (g_str_equal (response, "save"))
    save_then (self, next->then, g_steal_pointer (&next->data), next->destroy);
}

/* Presents @dialog, whose @response_cb finds what to do next (@then with
 * @data) under "gloss-continuation"; @data is freed with the dialog if
 * @then never runs. */
static void
ask_then (GlossWindow      *self,
          AdwMessageDialog *dialog,
          GCallback         response_cb,
          ContinueFunc      then,
          gpointer          data,
          GDestroyNotify    destroy)
{
  Continuation *next = g_new0 (Continuation, 1);

  next->then = then;
  next->data = data;
  next->destroy = destroy;
  g_object_set_data_full (G_OBJECT (dialog), "gloss-continuation", next, (GDestroyNotify)continuation_free);
  g_signal_connect_object (dialog, "response", response_cb, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Runs @then at once if nothing would be lost, or once the user chose to
 * save (and the save worked) or to discard; not at all on Cancel. */
static void
confirm_discard (GlossWindow    *self,
                 ContinueFunc    then,
                 gpointer        data,
                 GDestroyNotify  destroy)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (self->corpus == NULL || !gloss_corpus_get_dirty (self->corpus))
    {
      then (self, data);
      return;
    }

  /* Translators: %s is the name of a corpus */
  body = g_strdup_printf (_("“%s” has changes that are not saved. Saving keeps them; discarding loses them for good."),
                          self->corpus_name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  ask_then (self, dialog, G_CALLBACK (on_unsaved_response_cb), then, data, destroy);
}

/* Saving */

typedef struct
{
  GlossWindow    *self;
  GFile          *file;
  ContinueFunc    then;
  gpointer        data;
  GDestroyNotify  destroy;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  /* @data is @then's; if @then never ran, it is freed here. */
  if (job->data != NULL && job->destroy != NULL)
    job->destroy (job->data);
  g_clear_object (&job->self);
  g_clear_object (&job->file);
  g_free (job);
}

static void
on_saved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  SaveJob *job = user_data;
  GlossWindow *self = job->self;
  g_autoptr(GError) error = NULL;

  if (!gloss_corpus_save_finish (GLOSS_CORPUS (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Save the Corpus"), error->message);
      save_job_free (job);
      return;
    }

  g_free (self->corpus_name);
  self->corpus_name = name_for_file (job->file);
  gloss_autosave_set_name (self->autosave, self->corpus_name);
  remember_recent (self, job->file);
  remember_document (self);
  update_title (self);
  update_actions (self);
  show_toast (self, _("Corpus saved"));

  if (job->then != NULL)
    job->then (self, g_steal_pointer (&job->data));

  save_job_free (job);
}

static void
save_to (GlossWindow    *self,
         GFile          *file,
         ContinueFunc    then,
         gpointer        data,
         GDestroyNotify  destroy)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->self = g_object_ref (self);
  job->file = g_object_ref (file);
  job->then = then;
  job->data = data;
  job->destroy = destroy;

  gloss_corpus_save_async (self->corpus, file, G_PRIORITY_DEFAULT, self->cancellable, on_saved_cb, job);
}

static void
on_save_as_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        SaveJob         *job)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))))
    {
      g_autofree char *path = g_file_get_path (file);

      /* A corpus is recognised by its double suffix. */
      if (path != NULL && !g_str_has_suffix (path, ".gloss.json"))
        {
          g_autofree char *fixed = g_str_has_suffix (path, ".json")
            ? g_strdup_printf ("%.*s.gloss.json", (int)(strlen (path) - 5), path)
            : g_strconcat (path, ".gloss.json", NULL);

          g_clear_object (&file);
          file = g_file_new_for_path (fixed);
        }

      save_to (job->self, file, job->then, g_steal_pointer (&job->data), job->destroy);
    }

  save_job_free (job);
  g_object_unref (dialog);
}

static GtkFileFilter *
corpus_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Gloss Corpora"));
  gtk_file_filter_add_pattern (filter, "*.gloss.json");
  gtk_file_filter_add_mime_type (filter, "application/x-gloss-corpus");

  return filter;
}

static void
save_as_then (GlossWindow    *self,
              ContinueFunc    then,
              gpointer        data,
              GDestroyNotify  destroy)
{
  GtkFileChooserNative *dialog;
  g_autofree char *suggested = NULL;
  g_autoptr(GtkFileFilter) filter = corpus_filter ();
  SaveJob *job;

  dialog = gtk_file_chooser_native_new (_("Save Corpus"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  suggested = g_strconcat (self->corpus_name, ".gloss.json", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);

  job = g_new0 (SaveJob, 1);
  job->self = g_object_ref (self);
  job->then = then;
  job->data = data;
  job->destroy = destroy;
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_as_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_changed_on_disk_response_cb (AdwMessageDialog *dialog,
                                const char       *response,
                                GlossWindow      *self)
{
  Continuation *next = g_object_get_data (G_OBJECT (dialog), "gloss-continuation");
  GFile *file = gloss_corpus_get_file (self->corpus);

  if (g_str_equal (response, "overwrite") && file != NULL)
    save_to (self, file, next->then, g_steal_pointer (&next->data), next->destroy);
  else if (g_str_equal (response, "save-as"))
    save_as_then (self, next->then, g_steal_pointer (&next->data), next->destroy);
}

/* Another program wrote the file since it was opened or saved here: saving
 * would lose what it wrote, unless the user says so. */
static void
confirm_overwrite (GlossWindow    *self,
                   ContinueFunc    then,
                   gpointer        data,
                   GDestroyNotify  destroy)
{
  g_autofree char *name = g_file_get_parse_name (gloss_corpus_get_file (self->corpus));
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %s is a file */
  body = g_strdup_printf (_("Another program changed “%s” since Gloss opened or saved it. "
                            "Overwriting it loses those changes; Save As… keeps both."), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("The File Changed on Disk"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save-as", _("_Save As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");

  ask_then (self, dialog, G_CALLBACK (on_changed_on_disk_response_cb), then, data, destroy);
}

static void
save_then (GlossWindow    *self,
           ContinueFunc    then,
           gpointer        data,
           GDestroyNotify  destroy)
{
  GFile *file = gloss_corpus_get_file (self->corpus);

  if (file == NULL)
    save_as_then (self, then, data, destroy);
  else if (gloss_corpus_file_changed (self->corpus, NULL))
    confirm_overwrite (self, then, data, destroy);
  else
    save_to (self, file, then, data, destroy);
}

/* Opening */

typedef struct
{
  GlossWindow *self;
  GFile       *file;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->file);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenJob, open_job_free)

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OpenJob) job = user_data;
  GlossWindow *self = job->self;
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!(corpus = gloss_corpus_load_finish (result, &problems, &error)))
    {
      g_autofree char *body = NULL;
      g_autofree char *place = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* The problems' places are inside the file: say which file. */
      body = describe_problems (error, problems);
      place = g_file_get_parse_name (job->file);
      if (strstr (body, place) == NULL)
        {
          g_autofree char *named = g_strdup_printf ("%s\n\n%s", place, body);

          g_free (body);
          body = g_steal_pointer (&named);
        }
      show_error (self, _("Could Not Open the Corpus"), body);
      return;
    }

  name = name_for_file (gloss_corpus_get_file (corpus));
  remember_recent (self, gloss_corpus_get_file (corpus));
  set_corpus_named (self, corpus, name);
}

static void
open_file_now (GlossWindow *self,
               gpointer     data)
{
  OpenJob *job = g_new0 (OpenJob, 1);

  job->self = g_object_ref (self);
  job->file = data;
  gloss_corpus_load_async (job->file, G_PRIORITY_DEFAULT, self->cancellable, on_loaded_cb, job);
}

static void
on_open_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     GlossWindow     *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))))
    gloss_window_open_file (self, file);

  g_object_unref (dialog);
}

static void
open_sample_now (GlossWindow *self,
                 gpointer     data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_resources_lookup_data ("/io/github/glossapp/Gloss/sample/sample.gloss.json",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL || !(corpus = gloss_corpus_load_bytes (bytes, NULL, &error)))
    {
      show_error (self, _("Could Not Open the Sample Corpus"), error->message);
      return;
    }

  set_corpus_named (self, corpus, _("Sample Corpus"));
}

/* Long work: in a thread, with a progress bar and Cancel */

static gboolean
pulse_cb (gpointer data)
{
  GlossWindow *self = data;

  gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

static void
on_cancel_task_clicked_cb (GlossWindow *self)
{
  if (self->task_cancellable != NULL)
    g_cancellable_cancel (self->task_cancellable);
}

/* Shows the progress bar; while the work runs the corpus must not change
 * under the thread reading it, so the window's content is insensitive. */
static GCancellable *
begin_task (GlossWindow *self,
            const char  *what)
{
  g_clear_object (&self->task_cancellable);
  self->task_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                           self->task_cancellable, G_CONNECT_SWAPPED);

  gtk_label_set_label (self->progress_label, what);
  /* Hidden, not only folded away, when idle: an unallocated progress bar
   * in a closed revealer makes GTK warn when the window is narrow. */
  gtk_widget_set_visible (GTK_WIDGET (self->progress_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->main_stack), FALSE);
  if (self->pulse_source == 0)
    self->pulse_source = g_timeout_add (100, pulse_cb, self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);

  return self->task_cancellable;
}

static void
end_task (GlossWindow *self)
{
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_clear_object (&self->task_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_revealer), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->main_stack), TRUE);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);
}

static gboolean
task_is_running (GlossWindow *self)
{
  return self->task_cancellable != NULL;
}

/* Importing */

typedef struct
{
  GPtrArray   *files;
  GlossCorpus *staging;  /* what was read, with a copy of the schema */
  GPtrArray   *skipped;  /* names of the files in no format Gloss reads */
  guint        n_labels; /* in the schema before the import */
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_pointer (&job->files, g_ptr_array_unref);
  g_clear_object (&job->staging);
  g_clear_pointer (&job->skipped, g_ptr_array_unref);
  g_free (job);
}

/* brat's text beside its .ann among the files: the .ann brings it. */
static gboolean
is_brat_text (GPtrArray *files,
              GFile     *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *ann = NULL;

  if (path == NULL || !g_str_has_suffix (path, ".txt"))
    return FALSE;

  ann = g_strdup_printf ("%.*s.ann", (int)(strlen (path) - strlen (".txt")), path);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *other = g_file_get_path (g_ptr_array_index (files, i));

      if (g_strcmp0 (other, ann) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Each file in its own format, in the order given, all into the staging
 * corpus: one that fails leaves the window's corpus as it was. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;

  for (guint i = 0; i < job->files->len && error == NULL; i++)
    {
      GFile *file = g_ptr_array_index (job->files, i);
      const char *format;

      if (is_brat_text (job->files, file))
        continue;

      if (!(format = gloss_import_guess_format (file, cancellable, &error)))
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
            {
              g_ptr_array_add (job->skipped, g_file_get_basename (file));
              g_clear_error (&error);
            }
          continue;
        }

      gloss_import_paths (job->staging, format, &file, 1, NULL, NULL, cancellable, &error);
    }

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* “a.png”, “b.pdf” */
static char *
list_names (GPtrArray *names)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    /* Translators: a file name in a list of them */
    g_string_append_printf (list, i > 0 ? _(", “%s”") : _("“%s”"), (char *)g_ptr_array_index (names, i));

  return g_string_free (list, FALSE);
}

/* One toast for the whole drop, as toasts are shown one after another. */
static char *
describe_import (guint      n_documents,
                 guint      n_labels,
                 GPtrArray *skipped)
{
  g_autofree char *imported = NULL;
  g_autofree char *names = NULL;

  if (n_labels > 0)
    imported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u document, with new labels",
                                             "Imported %u documents, with new labels", n_documents),
                                n_documents);
  else
    imported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u document", "Imported %u documents",
                                             n_documents),
                                n_documents);

  if (skipped->len == 0)
    return g_steal_pointer (&imported);

  names = list_names (skipped);
  if (n_documents == 0)
    /* Translators: %s names one or more files */
    return g_strdup_printf (_("Not imported: %s; Gloss reads .txt, .jsonl, .ann and .gloss.json files"), names);

  /* Translators: %1$s says what was imported, %2$s names one or more files */
  return g_strdup_printf (_("%1$s; not imported: %2$s"), imported, names);
}

static void
on_imported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_labels;
  guint n;

  end_task (self);

  /* Closed meanwhile: nothing to show the result in. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, _("Import cancelled"));
      else
        show_error (self, _("Could Not Import the Files"), error->message);
      return;
    }

  n = gloss_corpus_get_n_documents (job->staging);
  n_labels = gloss_schema_get_n_labels (gloss_corpus_get_schema (job->staging)) - job->n_labels;
  if (n == 0)
    ;
  else if (self->corpus == NULL)
    {
      gloss_corpus_set_dirty (job->staging, TRUE);
      set_corpus_named (self, job->staging, _("New Corpus"));
    }
  else
    {
      GlossDocument *first;
      guint before = gloss_corpus_get_n_documents (self->corpus);

      gloss_schema_merge (gloss_corpus_get_schema (self->corpus), gloss_corpus_get_schema (job->staging));
      gloss_corpus_take_documents (self->corpus, job->staging, NULL);
      first = gloss_corpus_get_document (self->corpus, before);
      if (first != NULL)
        gloss_window_show_document (self, first);
    }

  message = describe_import (n, n_labels, job->skipped);
  show_toast (self, message);
}

/* Imports @data, a GPtrArray of GFile, into the corpus shown (or a new
 * one), each file in the format its name says. */
static void
import_files_now (GlossWindow *self,
                  gpointer     data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *what = NULL;
  GPtrArray *files = data;
  GCancellable *cancellable;
  ImportJob *job;

  if (task_is_running (self))
    {
      show_toast (self, _("Wait for the import or export under way to finish"));
      g_ptr_array_unref (files);
      return;
    }

  job = g_new0 (ImportJob, 1);
  job->files = files;
  job->skipped = g_ptr_array_new_with_free_func (g_free);
  if (self->corpus != NULL)
    {
      g_autoptr(GlossSchema) schema = gloss_schema_copy (gloss_corpus_get_schema (self->corpus));

      job->staging = gloss_corpus_new_with_schema (schema);
    }
  else
    job->staging = gloss_corpus_new ();
  job->n_labels = gloss_schema_get_n_labels (gloss_corpus_get_schema (job->staging));

  what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Importing %u file or folder…",
                                       "Importing %u files or folders…", files->len),
                          files->len);
  cancellable = begin_task (self, what);

  task = g_task_new (self, cancellable, on_imported_cb, NULL);
  g_task_set_source_tag (task, import_files_now);
  g_task_set_task_data (task, job, (GDestroyNotify)import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
on_import_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       GlossWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));

      import_files_now (self, files);
    }

  g_object_unref (dialog);
}

/* Exporting */

typedef struct
{
  GlossExporter *exporter;
  GlossCorpus   *corpus;
  GFile         *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->exporter);
  g_clear_object (&job->corpus);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  /* The window is insensitive meanwhile: nothing changes the corpus. */
  if (gloss_exporter_export_file (job->exporter, job->corpus, job->file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GlossWindow *self = GLOSS_WINDOW (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GPtrArray *problems;

  end_task (self);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, _("Export cancelled; nothing was written"));
      else
        show_error (self, _("Could Not Export the Corpus"), error->message);
      return;
    }

  problems = gloss_exporter_get_problems (job->exporter);
  if (problems->len > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Exported, with %u note about what the format cannot hold",
                                            "Exported, with %u notes about what the format cannot hold",
                                            problems->len),
                               problems->len);
  else
    message = g_strdup (_("Corpus exported"));

  show_toast (self, message);
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       GlossWindow     *self)
{
  GlossExporter *exporter = g_object_get_data (G_OBJECT (dialog), "gloss-exporter");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  const char *unit_name;
  GlossOffsetUnit unit = GLOSS_OFFSET_CODEPOINT;
  GCancellable *cancellable;
  ExportJob *job;

  if (response != GTK_RESPONSE_ACCEPT || task_is_running (self) ||
      !(file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))))
    {
      g_object_unref (dialog);
      return;
    }

  unit_name = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "offsets");
  if (unit_name != NULL)
    gloss_offset_unit_from_string (unit_name, &unit);
  gloss_exporter_set_offset_unit (exporter, unit);

  job = g_new0 (ExportJob, 1);
  job->exporter = g_object_ref (exporter);
  job->corpus = g_object_ref (self->corpus);
  job->file = g_steal_pointer (&file);

  cancellable = begin_task (self, _("Exporting…"));
  task = g_task_new (self, cancellable, on_exported_cb, NULL);
  g_task_set_source_tag (task, on_export_response_cb);
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);
  g_task_run_in_thread (task, export_thread);

  g_object_unref (dialog);
}

/* Pre-annotating with a term list */

static void
on_pre_annotated_cb (GlossWindow *self,
                     guint        n_added)
{
  g_autofree char *message = NULL;
  AdwToast *toast;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u span", "Added %u spans", n_added), n_added);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_term_list_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GlossWindow) self = user_data;
  g_autoptr(GlossGazetteer) gazetteer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *parse_name = g_file_get_parse_name (G_FILE (object));
  g_autofree char *name = g_path_get_basename (parse_name);
  GlossGazetteerDialog *dialog;
  char *contents;
  gsize length;

  if (!g_file_load_contents_finish (G_FILE (object), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *body = g_strdup_printf ("%s: %s", name, error->message);

          show_error (self, _("Could Not Read the Term List"), body);
        }
      return;
    }

  bytes = g_bytes_new_take (contents, length);
  if (!(gazetteer = gloss_gazetteer_new_from_bytes (bytes, name, &error)))
    {
      show_error (self, _("Could Not Read the Term List"), error->message);
      return;
    }

  /* The corpus may have gone, or be busy, while the list was read. */
  if (self->corpus == NULL || task_is_running (self))
    return;

  dialog = gloss_gazetteer_dialog_new (GTK_WINDOW (self), self->corpus, self->document, gazetteer);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (on_pre_annotated_cb), self, G_CONNECT_SWAPPED);
  /* The dialog works on the corpus it was given, and must not outlive it. */
  g_signal_connect_object (self, "notify::corpus", G_CALLBACK (gtk_window_destroy), dialog, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_term_list_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          GlossWindow     *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))))
    gloss_window_pre_annotate (self, file);

  g_object_unref (dialog);
}

/* Comparing with another annotator's corpus */

typedef struct
{
  GlossWindow *self;
  GlossCorpus *corpus;  /* the one to compare with, as it was asked for */
} CompareJob;

static void
compare_job_free (CompareJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->corpus);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CompareJob, compare_job_free)

static void
on_compare_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(CompareJob) job = user_data;
  GlossWindow *self = job->self;
  g_autoptr(GlossCorpus) other = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (!(other = gloss_corpus_load_finish (result, &problems, &error)))
    {
      g_autofree char *body = NULL;

      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          body = describe_problems (error, problems);
          show_error (self, _("Could Not Open the Corpus to Compare With"), body);
        }
      return;
    }

  /* Another corpus may have been opened while this one loaded. */
  if (self->corpus != job->corpus)
    return;

  name = name_for_file (gloss_corpus_get_file (other));
  if (gloss_compare_count_documents (self->corpus, other) == 0)
    {
      g_autofree char *body = NULL;

      /* Translators: %1$s is a corpus file, %2$s the corpus shown */
      body = g_strdup_printf (_("No document of “%1$s” has the id and the text of a document of “%2$s”: "
                                "the two corpora were not made from the same texts."),
                              name, self->corpus_name);
      show_error (self, _("Nothing to Compare"), body);
      return;
    }

  gloss_compare_bar_start (self->compare_bar, self->corpus, other, name);
  gloss_compare_bar_set_document (self->compare_bar, self->document);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COMPARE_CORPUS]);
}

static void
on_compare_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        GlossWindow     *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))))
    gloss_window_compare_with_file (self, file);

  g_object_unref (dialog);
}

static void
step_disagreement (GlossWindow *self,
                   gboolean     forward)
{
  GlossDocument *document;
  guint start;

  if (!(document = gloss_compare_bar_find (self->compare_bar, forward, &start)))
    {
      show_toast (self, _("No disagreements left"));
      return;
    }

  gloss_window_show_document (self, document);
  gloss_compare_bar_select (self->compare_bar, start);
}

static void
next_disagreement_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  step_disagreement (GLOSS_WINDOW (widget), TRUE);
}

static void
previous_disagreement_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  step_disagreement (GLOSS_WINDOW (widget), FALSE);
}

/* Settling one disagreement goes on to the next, so that Accept after
 * Accept walks through them all. */
static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  gboolean theirs = g_str_equal (action_name, "win.accept-theirs");
  g_autoptr(GError) error = NULL;

  if (!gloss_compare_bar_accept (self->compare_bar, theirs, &error))
    {
      show_toast (self, error->message);
      return;
    }

  if (gloss_compare_bar_get_n_left (self->compare_bar) > 0)
    step_disagreement (self, TRUE);
  else
    show_toast (self, _("No disagreements left"));
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = corpus_filter ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Compare With Another Corpus"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("C_ompare"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_compare_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
stop_comparing_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  stop_comparing (GLOSS_WINDOW (widget));
}

/* Actions */

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = corpus_filter ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Corpus"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  confirm_discard (GLOSS_WINDOW (widget), open_sample_now, NULL, NULL);
}

static void
import_texts_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Import Texts"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Plain Text"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Import a Folder of Texts"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
pre_annotate_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Choose a Term List"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Term Lists"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_add_pattern (filter, "*.tsv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_term_list_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->corpus != NULL)
    save_then (self, NULL, NULL, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->corpus != NULL)
    save_as_then (self, NULL, NULL, NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  static const char *unit_ids[] = { "codepoint", "utf16", "byte", NULL };
  const char *unit_labels[] = {
    _("Code points (Python)"), _("UTF-16 units (JavaScript)"), _("UTF-8 bytes"), NULL
  };
  GlossWindow *self = GLOSS_WINDOW (widget);
  const char *format = g_variant_get_string (param, NULL);
  g_autoptr(GlossExporter) exporter = gloss_exporter_new_for_format (format);
  gboolean folder = g_str_equal (format, "brat");
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (exporter == NULL || self->corpus == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Corpus"), GTK_WINDOW (self),
                                        folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  if (!folder)
    {
      const char *suffix = g_str_equal (format, "conll") ? ".conll"
                         : g_str_equal (format, "webanno") ? ".jsonld" : ".jsonl";

      name = g_strconcat (self->corpus_name, suffix, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }

  if (gloss_exporter_supports_offsets (exporter))
    gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "offsets", _("Offsets count"),
                                 unit_ids, unit_labels);

  g_object_set_data_full (G_OBJECT (dialog), "gloss-exporter", g_steal_pointer (&exporter), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->corpus != NULL)
    gloss_history_undo (gloss_corpus_get_history (self->corpus));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->corpus != NULL)
    gloss_history_redo (gloss_corpus_get_history (self->corpus));
}

static void
toggle_done_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->corpus == NULL || self->document == NULL)
    return;

  if (!gloss_history_set_document_done (gloss_corpus_get_history (self->corpus), self->document,
                                        !gloss_document_get_done (self->document), &error))
    show_toast (self, error->message);
}

/* One statistics window per main window, following its corpus. */
static void
statistics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  if (self->statistics_window == NULL)
    {
      self->statistics_window = GTK_WINDOW (gloss_statistics_window_new (self->corpus));
      g_object_add_weak_pointer (G_OBJECT (self->statistics_window), (gpointer *)&self->statistics_window);
      /* In the application, for its shortcuts (Ctrl+W, Ctrl+Q) */
      gtk_window_set_application (self->statistics_window, gtk_window_get_application (GTK_WINDOW (self)));
      gtk_window_set_transient_for (self->statistics_window, GTK_WINDOW (self));
      gtk_window_set_destroy_with_parent (self->statistics_window, TRUE);
      g_object_bind_property (self, "corpus", self->statistics_window, "corpus", G_BINDING_DEFAULT);
      /* The corpus compared with is the other annotator's: its agreement
       * shows on the Agreement page. */
      g_object_bind_property (self, "compare-corpus", self->statistics_window, "other-corpus",
                              G_BINDING_SYNC_CREATE);
    }

  gtk_window_present (self->statistics_window);
}

static void
move_document (GlossWindow *self,
               int          delta)
{
  guint position = neighbour_position (self, delta);

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->documents_view), "list.scroll-to-item", "u", position);
  gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
}

static void
next_document_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  move_document (GLOSS_WINDOW (widget), 1);
}

static void
previous_document_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  move_document (GLOSS_WINDOW (widget), -1);
}

static void
label_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  apply_label (GLOSS_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
toggle_panel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  gtk_widget_set_visible (self->side_panel, !gtk_widget_get_visible (self->side_panel));
}

/* The search bar sits above the text: in a folded window, show them. */
static void
show_content (GlossWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  show_content (self);
  gloss_search_bar_find (self->search_bar);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  show_content (self);
  if (!gloss_search_bar_next (self->search_bar))
    gtk_widget_error_bell (widget);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  GlossWindow *self = GLOSS_WINDOW (widget);

  show_content (self);
  if (!gloss_search_bar_previous (self->search_bar))
    gtk_widget_error_bell (widget);
}

/* Window */

static void
close_now (GlossWindow *self,
           gpointer     data)
{
  g_cancellable_cancel (self->cancellable);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Below this width the side panel is put away, and when shown it takes the
 * place of the text rather than squeezing it (libadwaita 1.2 has no
 * breakpoints to say so in the .ui file). */
#define PANEL_FOLD_WIDTH 720

static void
update_panel_cover (GlossWindow *self)
{
  gboolean cover = self->narrow && gtk_widget_get_visible (self->side_panel);

  gtk_widget_set_visible (GTK_WIDGET (self->document_scroller), !cover);
  gtk_widget_set_hexpand (self->side_panel, cover);
}

/* In a narrow window, a click in the panel is also a way back to the text. */
static void
leave_panel_if_narrow (GlossWindow *self)
{
  if (self->narrow)
    gtk_widget_set_visible (self->side_panel, FALSE);
}

/* Below PANEL_FOLD_WIDTH the side panel is put away, and it comes back
 * above it; in between the user's toggle stands. (libadwaita 1.2 has no
 * breakpoints, and its AdwFlap warns when its panel starts hidden.) */
static void
update_panel_fold (GlossWindow *self)
{
  int width = 0;
  int height = 0;
  gboolean narrow;

  /* GTK 4.8 needs both pointers. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  narrow = width > 0 && width < PANEL_FOLD_WIDTH &&
           !gtk_window_is_maximized (GTK_WINDOW (self)) && !gtk_window_is_fullscreen (GTK_WINDOW (self));

  if (narrow == self->narrow)
    return;

  self->narrow = narrow;
  gtk_widget_set_visible (self->side_panel, !narrow);
  update_panel_cover (self);
}

static gboolean
gloss_window_close_request (GtkWindow *window)
{
  GlossWindow *self = GLOSS_WINDOW (window);
  int width;
  int height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  remember_document (self);

  if (self->corpus != NULL && gloss_corpus_get_dirty (self->corpus))
    {
      confirm_discard (self, close_now, NULL, NULL);
      return TRUE;
    }

  /* The thread holds the window until it is done: stop it now, not when
   * the window is finally disposed. */
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (gloss_window_parent_class)->close_request (window);
}

/* Files dragged over the window: a tint and a frame in the accent colour
 * over everything, and what dropping does. The children's own backgrounds
 * would hide anything drawn under them. */
static void
gloss_window_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  GlossWindow *self = GLOSS_WINDOW (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  g_autoptr(PangoLayout) layout = NULL;
  graphene_rect_t bounds;
  GskRoundedRect frame;
  GdkRGBA accent = { 0.21, 0.52, 0.89, 1.0 };
  GdkRGBA accent_fg = { 1.0, 1.0, 1.0, 1.0 };
  GdkRGBA tint;
  int width;
  int height;

  GTK_WIDGET_CLASS (gloss_window_parent_class)->snapshot (widget, snapshot);

  if (!(gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_DROP_ACTIVE) ||
      !gtk_widget_compute_bounds (GTK_WIDGET (self->toast_overlay), widget, &bounds))
    return;

  gtk_style_context_lookup_color (style, "accent_bg_color", &accent);
  gtk_style_context_lookup_color (style, "accent_fg_color", &accent_fg);
  tint = accent;
  tint.alpha = 0.12;

  graphene_rect_inset (&bounds, 6, 6);
  gsk_rounded_rect_init_from_rect (&frame, &bounds, 12);
  gtk_snapshot_push_rounded_clip (snapshot, &frame);
  gtk_snapshot_append_color (snapshot, &tint, &bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &frame, (float[4]) { 3, 3, 3, 3 },
                              (GdkRGBA[4]) { accent, accent, accent, accent });

  /* A pill in the middle saying what a drop does. */
  layout = gtk_widget_create_pango_layout (widget, NULL);
  {
    g_autofree char *markup = g_markup_printf_escaped ("<b><big>%s</big></b>", _("Drop to Open or Import"));

    pango_layout_set_markup (layout, markup, -1);
  }
  pango_layout_get_pixel_size (layout, &width, &height);
  gsk_rounded_rect_init_from_rect (&frame,
                                   &GRAPHENE_RECT_INIT (bounds.origin.x + (bounds.size.width - width) / 2 - 24,
                                                        bounds.origin.y + (bounds.size.height - height) / 2 - 12,
                                                        width + 48, height + 24),
                                   (height + 24) / 2.0);
  gtk_snapshot_push_rounded_clip (snapshot, &frame);
  gtk_snapshot_append_color (snapshot, &accent, &frame.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (frame.bounds.origin.x + 24, frame.bounds.origin.y + 12));
  gtk_snapshot_append_layout (snapshot, layout, &accent_fg);
  gtk_snapshot_restore (snapshot);
}

static void
gloss_window_dispose (GObject *object)
{
  GlossWindow *self = (GlossWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_clear_object (&self->task_cancellable);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  disconnect_corpus (self);
  if (self->statistics_window != NULL)
    gtk_window_destroy (self->statistics_window);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_WINDOW);

  g_clear_object (&self->document);
  g_clear_object (&self->corpus);
  g_clear_object (&self->selection);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->autosave);
  g_clear_pointer (&self->corpus_name, g_free);

  G_OBJECT_CLASS (gloss_window_parent_class)->dispose (object);
}

static void
gloss_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GlossWindow *self = GLOSS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, task_is_running (self));
      break;

    case PROP_COMPARE_CORPUS:
      g_value_set_object (value, gloss_window_get_compare_corpus (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_window_class_init (GlossWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gloss_window_dispose;
  object_class->get_property = gloss_window_get_property;
  window_class->close_request = gloss_window_close_request;
  widget_class->snapshot = gloss_window_snapshot;

  properties [PROP_CORPUS] =
    g_param_spec_object ("corpus", NULL, NULL, GLOSS_TYPE_CORPUS,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, GLOSS_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * GlossWindow:busy:
   *
   * Whether an import or export thread reads the corpus, which nothing may
   * change meanwhile.
   */
  properties [PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * GlossWindow:compare-corpus:
   *
   * The other annotator's corpus the corpus shown is compared with, or
   * %NULL when not comparing.
   */
  properties [PROP_COMPARE_CORPUS] =
    g_param_spec_object ("compare-corpus", NULL, NULL, GLOSS_TYPE_CORPUS,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GLOSS_TYPE_COMPARE_BAR);
  g_type_ensure (GLOSS_TYPE_DOCUMENT_VIEW);
  g_type_ensure (GLOSS_TYPE_SEARCH_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, content);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, hide_done_button);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, progress_summary);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, done_level);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, documents_view);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, title_widget);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, document_scroller);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, document_view);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, compare_bar);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, side_panel);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, palette_list);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, spans_heading);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, spans_stack);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, spans_view);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, GlossWindow, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_document_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_span_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_palette_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_task_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, gloss_window_show_document);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.import-texts", NULL, import_texts_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (widget_class, "win.pre-annotate", NULL, pre_annotate_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.next-document", NULL, next_document_action);
  gtk_widget_class_install_action (widget_class, "win.previous-document", NULL, previous_document_action);
  gtk_widget_class_install_action (widget_class, "win.label", "s", label_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-panel", NULL, toggle_panel_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-done", NULL, toggle_done_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_previous_action);
  gtk_widget_class_install_action (widget_class, "win.statistics", NULL, statistics_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.next-disagreement", NULL, next_disagreement_action);
  gtk_widget_class_install_action (widget_class, "win.previous-disagreement", NULL, previous_disagreement_action);
  gtk_widget_class_install_action (widget_class, "win.accept-mine", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "win.accept-theirs", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "win.stop-comparing", NULL, stop_comparing_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-texts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "win.next-document", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "win.next-document", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "win.previous-document", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "win.previous-document", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-panel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.toggle-done", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", "s", "doccano");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.statistics", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "win.next-disagreement", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, GDK_SHIFT_MASK, "win.previous-disagreement", NULL);
  /* Alt with a label key labels exactly; with Control it is free. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.accept-mine", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK | GDK_ALT_MASK, "win.accept-theirs", NULL);
}

static void
gloss_window_init (GlossWindow *self)
{
  g_autoptr(GtkListItemFactory) documents_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) spans_factory = gtk_signal_list_item_factory_new ();
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new ("io.github.glossapp.Gloss");
  self->autosave = gloss_autosave_new ();
  gloss_autosave_set_interval (self->autosave, autosave_interval ());
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_changed_cb), NULL);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drop, "notify::current-drop", G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->filter = gtk_custom_filter_new (filter_document, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->documents_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect (documents_factory, "setup", G_CALLBACK (setup_document_row_cb), NULL);
  g_signal_connect (documents_factory, "bind", G_CALLBACK (bind_document_row_cb), NULL);
  g_signal_connect (documents_factory, "unbind", G_CALLBACK (unbind_document_row_cb), NULL);
  gtk_list_view_set_factory (self->documents_view, documents_factory);

  g_signal_connect (spans_factory, "setup", G_CALLBACK (setup_span_row_cb), NULL);
  g_signal_connect (spans_factory, "bind", G_CALLBACK (bind_span_row_cb), self);
  gtk_list_view_set_factory (self->spans_view, spans_factory);

  /* The default size follows the window's size as it is resized. */
  g_signal_connect (self, "notify::default-width", G_CALLBACK (update_panel_fold), NULL);
  g_signal_connect (self, "notify::maximized", G_CALLBACK (update_panel_fold), NULL);
  g_signal_connect (self, "notify::fullscreened", G_CALLBACK (update_panel_fold), NULL);
  g_signal_connect_swapped (self->side_panel, "notify::visible", G_CALLBACK (update_panel_cover), self);
  update_panel_fold (self);

  g_settings_bind (self->settings, "annotator", self->document_view, "annotator", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "snap-to-words", self->document_view, "snap-to-words", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "document-font-size", self->document_view, "font-size", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->document_view, "action-failed",
                           G_CALLBACK (on_view_action_failed_cb), self, G_CONNECT_SWAPPED);

  rebuild_recent (self);
  update_title (self);
  update_actions (self);
}

GlossWindow *
gloss_window_new (GtkApplication *application)
{
  return g_object_new (GLOSS_TYPE_WINDOW, "application", application, NULL);
}

/**
 * gloss_window_get_corpus:
 *
 * Returns: (transfer none) (nullable): the corpus shown
 */
GlossCorpus *
gloss_window_get_corpus (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->corpus;
}

/**
 * gloss_window_set_corpus:
 * @corpus: (nullable): the corpus to show, or %NULL for the welcome page
 *
 * Shows @corpus at once, without asking about unsaved changes.
 */
void
gloss_window_set_corpus (GlossWindow *self,
                         GlossCorpus *corpus)
{
  g_autofree char *name = NULL;

  g_return_if_fail (GLOSS_IS_WINDOW (self));

  if (corpus != NULL && gloss_corpus_get_file (corpus) != NULL)
    name = name_for_file (gloss_corpus_get_file (corpus));

  set_corpus_named (self, corpus, name != NULL ? name : _("New Corpus"));
}

gboolean
gloss_window_get_busy (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), FALSE);

  return task_is_running (self);
}

/**
 * gloss_window_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
GlossDocument *
gloss_window_get_document (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return self->document;
}

/* A line too long for the document view would take the window down with
 * it; the document stays in the corpus, for the command line and export. */
static gboolean
can_show (GlossWindow   *self,
          GlossDocument *document)
{
  gsize longest = gloss_limits_longest_line (gloss_document_get_text (document));
  g_autofree char *body = NULL;
  const char *title = gloss_document_get_title (document);

  if (longest <= GLOSS_MAX_VIEW_LINE)
    return TRUE;

  /* Translators: %1$s is a document, %2$lu and %3$d numbers of characters */
  body = g_strdup_printf (_("“%1$s” has a line of %2$lu characters; Gloss shows lines of up to %3$d. "
                            "Break it into paragraphs, or work on it with gloss-cli."),
                          title[0] != '\0' ? title : gloss_document_get_id (document),
                          (gulong)longest, GLOSS_MAX_VIEW_LINE);
  show_error (self, _("Could Not Show the Document"), body);

  return FALSE;
}

/**
 * gloss_window_show_document:
 * @document: (nullable): a document of the window's corpus
 */
void
gloss_window_show_document (GlossWindow   *self,
                            GlossDocument *document)
{
  guint n;

  g_return_if_fail (GLOSS_IS_WINDOW (self));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);

  if (document != NULL && !can_show (self, document))
    gloss_document_view_set_document (self->document_view, NULL, NULL);
  else
    gloss_document_view_set_document (self->document_view, document != NULL ? self->corpus : NULL, document);
  set_spans_model (self);

  if (document != NULL)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GlossDocument) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

          if (item == document)
            {
              gtk_single_selection_set_selected (self->selection, i);
              break;
            }
        }

      g_signal_connect_object (document, "items-changed", G_CALLBACK (on_document_spans_changed_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
    }

  gloss_compare_bar_set_document (self->compare_bar, self->document);
  update_spans_panel (self);
  update_title (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

/* A corpus is known by its name or, for a local file named otherwise (a
 * download, a mail attachment), by the MIME type its first bytes give:
 * the desktop hands such files to Gloss by that type. */
static gboolean
is_corpus_file (GFile      *file,
                const char *name)
{
  g_autoptr(GFileInfo) info = NULL;
  const char *type;

  if (g_str_has_suffix (name, ".gloss.json"))
    return TRUE;
  if (!g_file_is_native (file))
    return FALSE;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  type = info != NULL ? g_file_info_get_content_type (info) : NULL;

  return type != NULL && g_content_type_is_a (type, "application/x-gloss-corpus");
}

/**
 * gloss_window_open_files:
 * @files: (array length=n_files): corpora and texts
 *
 * Opens the first corpus (`*.gloss.json`, or a file whose content says it
 * is one) among @files, asking first about
 * unsaved changes (another corpus is reported, not opened), and imports
 * every other file in the format its name says (see
 * gloss_import_guess_format()), all in one import: into the open corpus, or
 * into a new one. Files in no format Gloss reads are named in a toast.
 * Dropping files on the window does the same.
 */
void
gloss_window_open_files (GlossWindow  *self,
                         GFile       **files,
                         guint         n_files)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_object_unref);
  GFile *corpus = NULL;

  g_return_if_fail (GLOSS_IS_WINDOW (self));

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *name = g_file_get_basename (files[i]);

      if (!is_corpus_file (files[i], name))
        g_ptr_array_add (texts, g_object_ref (files[i]));
      else if (corpus == NULL)
        corpus = files[i];
      else
        {
          /* Translators: %s is a file name */
          g_autofree char *message = g_strdup_printf (_("One corpus at a time: “%s” was not opened"), name);

          show_toast (self, message);
        }
    }

  if (corpus != NULL)
    confirm_discard (self, open_file_now, g_object_ref (corpus), g_object_unref);

  if (texts->len > 0)
    import_files_now (self, texts);
  else
    g_ptr_array_unref (texts);
}

/**
 * gloss_window_open_file:
 *
 * Opens a corpus or imports a text; see gloss_window_open_files().
 */
void
gloss_window_open_file (GlossWindow *self,
                        GFile       *file)
{
  gloss_window_open_files (self, &file, 1);
}

/**
 * gloss_window_pre_annotate:
 * @file: a term list (see gloss-gazetteer.c)
 *
 * Reads @file and shows the pre-annotation dialog for it, or what is wrong
 * with the list, naming its line; nothing changes until the dialog's Apply.
 */
void
gloss_window_pre_annotate (GlossWindow *self,
                           GFile       *file)
{
  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_contents_async (file, self->cancellable, on_term_list_loaded_cb, g_object_ref (self));
}

static void
on_restored_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GlossWindow *self = g_task_get_source_object (task);
  GlossRecovery *recovery = g_task_get_task_data (task);
  g_autoptr(GlossCorpus) corpus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!(corpus = gloss_recovery_load_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Restore the Unsaved Work"), error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  set_corpus_named (self, corpus, gloss_recovery_get_name (recovery));
  gloss_autosave_adopt (self->autosave, recovery);

  /* Translators: %s is the name of a corpus */
  message = g_strdup_printf (_("Restored the unsaved changes to “%s”"), gloss_recovery_get_name (recovery));
  show_toast (self, message);
  g_task_return_boolean (task, TRUE);
}

/**
 * gloss_window_restore_async:
 * @recovery: a copy left by an earlier run (see gloss_recovery_list())
 *
 * Shows the corpus of @recovery, with unsaved changes, still belonging to
 * the file it was made from. Its copy is removed once the window has made
 * one of its own, or the changes are saved or discarded. Does not ask
 * about the window's own unsaved changes: give it a window without any.
 */
void
gloss_window_restore_async (GlossWindow         *self,
                            GlossRecovery       *recovery,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (recovery != NULL);

  task = g_task_new (self, self->cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_window_restore_async);
  g_task_set_task_data (task, gloss_recovery_ref (recovery), (GDestroyNotify)gloss_recovery_unref);
  gloss_recovery_load_async (recovery, self->cancellable, on_restored_cb, task);
}

gboolean
gloss_window_restore_finish (GlossWindow   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * gloss_window_compare_with_file:
 * @file: a corpus of another annotator, of the same texts
 *
 * Loads @file in a thread and compares the corpus shown with it, or says
 * in a dialog why it cannot. #GlossWindow:compare-corpus changes once
 * comparing has begun.
 */
void
gloss_window_compare_with_file (GlossWindow *self,
                                GFile       *file)
{
  CompareJob *job;

  g_return_if_fail (GLOSS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->corpus == NULL)
    return;

  job = g_new0 (CompareJob, 1);
  job->self = g_object_ref (self);
  job->corpus = g_object_ref (self->corpus);
  gloss_corpus_load_async (file, G_PRIORITY_DEFAULT, self->cancellable, on_compare_loaded_cb, job);
}

/**
 * gloss_window_get_compare_corpus:
 *
 * Returns: (transfer none) (nullable): the corpus compared with, or %NULL
 *   when not comparing
 */
GlossCorpus *
gloss_window_get_compare_corpus (GlossWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_WINDOW (self), NULL);

  return gloss_compare_bar_get_other (self->compare_bar);
}
