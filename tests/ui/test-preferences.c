/* test-preferences.c: the preferences window and its schema editor, driven
 * through their widgets and actions over a real main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "gloss-app-keys.h"
#include "gloss-application.h"
#include "ui-test-util.h"
#include "gloss-document-view.h"
#include "gloss-label-row.h"
#include "gloss-preferences-window.h"
#include "gloss-window.h"

#define VI_TEXT "Ngoại giao Việt Nam: độc lập, tự chủ, đa phương hóa, đa dạng hóa."
#define MIXED_TEXT "Hợp tác 🤝🏽 với שלום và e\xcc\x81 👩‍👩‍👧."

typedef struct
{
  GlossWindow            *window;
  GlossPreferencesWindow *prefs;
  GlossCorpus            *corpus;
  GlossDocument          *a;
  GlossDocument          *b;
  GSettings              *settings;
  char                   *tmpdir;
  GError                 *failure;   /* the last ::failed of a label row */
} Fixture;

static GtkApplication *app;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GlossDocument *
add_document (GlossCorpus *corpus,
              const char  *id,
              const char  *text)
{
  g_autoptr(GlossDocument) document = gloss_document_new (id, id, text);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_corpus_add_document (corpus, document, &error));
  g_assert_no_error (error);

  return document;
}

static void
add_span (GlossDocument *document,
          guint          start,
          guint          end,
          const char    *label)
{
  g_autoptr(GlossSpan) span = gloss_span_new (start, end, label);
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_document_add_span (document, span, &error));
  g_assert_no_error (error);
}

static GlossPreferencesWindow *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GLOSS_IS_PREFERENCES_WINDOW (window))
        return GLOSS_PREFERENCES_WINDOW (window);
    }

  return NULL;
}

static AdwMessageDialog *
find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
close_dialog (AdwMessageDialog *dialog,
              const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
}

static GtkWidget *
window_child (Fixture    *f,
              const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->window), GLOSS_TYPE_WINDOW, name));
}

static GtkWidget *
prefs_child (Fixture    *f,
             const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->prefs), GLOSS_TYPE_PREFERENCES_WINDOW, name));
}

static GlossLabelRow *
label_row (Fixture *f,
           guint    position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (prefs_child (f, "labels_list")), position);

  g_assert_true (GLOSS_IS_LABEL_ROW (row));

  return GLOSS_LABEL_ROW (row);
}

static guint
n_label_rows (Fixture *f)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (prefs_child (f, "labels_list")), n) != NULL)
    n++;

  return n;
}

static GtkWidget *
row_child (GlossLabelRow *row,
           const char    *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (row), GLOSS_TYPE_LABEL_ROW, name));
}

/* Types @text in an entry row and applies it, as its apply button does. */
static void
apply_text (GtkWidget  *entry_row,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry_row), text);
  g_signal_emit_by_name (entry_row, "apply");
  iterate ();
}

/* The side panel's palette: the row of the label at @position. */
static GtkWidget *
palette_row (Fixture *f,
             guint    position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (window_child (f, "palette_list")), position);

  g_assert_nonnull (row);

  return GTK_WIDGET (row);
}

static guint
n_palette_rows (Fixture *f)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (window_child (f, "palette_list")), n) != NULL)
    n++;

  return n;
}

static const char *
palette_name (Fixture *f,
              guint    position)
{
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (palette_row (f, position)));

  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_next_sibling (gtk_widget_get_first_child (box))));
}

static const char *
palette_key (Fixture *f,
             guint    position)
{
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (palette_row (f, position)));

  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_last_child (box)));
}

static const char *
palette_dot (Fixture *f,
             guint    position)
{
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (palette_row (f, position)));

  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (box)));
}

static GlossDocumentView *
view (Fixture *f)
{
  return GLOSS_DOCUMENT_VIEW (window_child (f, "document_view"));
}

static void
activate_win (Fixture    *f,
              const char *action,
              GVariant   *param)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, param));
  iterate ();
}

static char *
snapshot (Fixture *f)
{
  g_autoptr(GBytes) bytes = gloss_corpus_save_to_bytes (f->corpus);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
on_failed_cb (GlossLabelRow *row,
              const GError  *error,
              Fixture       *f)
{
  g_clear_error (&f->failure);
  f->failure = g_error_copy (error);
}

static void
watch_failures (Fixture *f)
{
  for (guint i = 0; i < n_label_rows (f); i++)
    g_signal_connect (label_row (f, i), "failed", G_CALLBACK (on_failed_cb), f);
}

static void
open_preferences (Fixture *f)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  iterate ();

  f->prefs = find_preferences ();
  g_assert_nonnull (f->prefs);
  g_object_ref (f->prefs);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->settings = g_settings_new ("io.github.glossapp.Gloss");
  g_settings_reset (f->settings, "annotator");
  g_settings_reset (f->settings, "snap-to-words");
  g_settings_reset (f->settings, "document-font-size");

  f->corpus = gloss_corpus_new ();
  f->a = add_document (f->corpus, "a", VI_TEXT);
  f->b = add_document (f->corpus, "b", MIXED_TEXT);
  add_span (f->a, 0, 10, "pillar");
  add_span (f->a, 21, 28, "principle");
  add_span (f->a, 21, 36, "task");
  add_span (f->a, 30, 36, "task");
  add_span (f->b, 8, 10, "principle");
  add_span (f->b, 15, 19, "task");
  gloss_corpus_set_dirty (f->corpus, FALSE);

  f->window = gloss_window_new (app);
  g_object_ref (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();

  f->tmpdir = g_dir_make_tmp ("gloss-prefs-XXXXXX", &error);
  g_assert_no_error (error);

  if (data == NULL)
    {
      gloss_window_set_corpus (f->window, f->corpus);
      iterate ();
      open_preferences (f);
      watch_failures (f);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->tmpdir, 0, NULL);
  const char *name;

  if (f->prefs != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (f->prefs));
      iterate ();
      g_assert_finalize_object (f->prefs);
    }

  gloss_corpus_set_dirty (f->corpus, FALSE);
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->corpus);
  g_clear_error (&f->failure);
  g_clear_object (&f->settings);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->tmpdir, name, NULL);

      g_remove (path);
    }
  g_rmdir (f->tmpdir);
  g_free (f->tmpdir);
}

/* Tests */

static void
test_open (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *accels_window;
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, "app.preferences");

  g_assert_cmpstr (accels[0], ==, "<Control>comma");

  /* Before a corpus, the Labels page says there is none. */
  open_preferences (f);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (f->prefs)) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (f->prefs)));
  g_assert_null (gloss_preferences_window_get_corpus (f->prefs));
  g_assert_true (gtk_widget_get_visible (prefs_child (f, "no_corpus_group")));
  g_assert_false (gtk_widget_get_visible (prefs_child (f, "labels_group")));
  g_assert_false (gtk_widget_is_sensitive (prefs_child (f, "add_label_button")));

  /* It follows the window's corpus. */
  gloss_window_set_corpus (f->window, f->corpus);
  iterate ();
  g_assert_true (gloss_preferences_window_get_corpus (f->prefs) == f->corpus);
  g_assert_false (gtk_widget_get_visible (prefs_child (f, "no_corpus_group")));
  g_assert_true (gtk_widget_get_visible (prefs_child (f, "labels_group")));
  g_assert_cmpuint (n_label_rows (f), ==, 3);
  g_assert_cmpstr (gloss_label_get_id (gloss_label_row_get_label (label_row (f, 1))), ==, "task");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (label_row (f, 1))), ==, "Task");

  /* Asking again presents the same window. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  iterate ();
  g_assert_true (find_preferences () == f->prefs);

  /* The shortcuts window lists the shortcut. */
  accels_window = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window)));
  g_assert_nonnull (accels_window);
}

static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  GlossLabelRow *row = label_row (f, 0);
  GlossLabel *principle = gloss_label_row_get_label (row);

  apply_text (row_child (row, "name_row"), "Nguyên tắc <chính> & 🧭");

  /* The id stays; the name shows in the row, the palette and the title. */
  g_assert_cmpstr (gloss_label_get_name (principle), ==, "Nguyên tắc <chính> & 🧭");
  g_assert_cmpstr (gloss_label_get_id (principle), ==, "principle");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Nguyên tắc <chính> & 🧭");
  g_assert_cmpstr (palette_name (f, 0), ==, "Nguyên tắc <chính> & 🧭");
  g_assert_true (gloss_corpus_get_dirty (f->corpus));
  g_assert_null (f->failure);

  /* An empty name is refused, and the row says so. */
  apply_text (row_child (row, "name_row"), "   ");
  g_assert_error (f->failure, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_NAME);
  g_assert_true (gtk_widget_has_css_class (row_child (row, "name_row"), "error"));
  g_assert_cmpstr (gloss_label_get_name (principle), ==, "Nguyên tắc <chính> & 🧭");

  /* Typing again clears the error style. */
  gtk_editable_set_text (GTK_EDITABLE (row_child (row, "name_row")), "N");
  g_assert_false (gtk_widget_has_css_class (row_child (row, "name_row"), "error"));

  /* Undone from the main window, shown back here. */
  activate_win (f, "win.undo", NULL);
  g_assert_cmpstr (gloss_label_get_name (principle), ==, "Principle");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row_child (row, "name_row"))), ==, "Principle");
  g_assert_cmpstr (palette_name (f, 0), ==, "Principle");
  g_assert_false (gloss_history_get_can_undo (gloss_corpus_get_history (f->corpus)));
}

static void
test_recolor (Fixture       *f,
              gconstpointer  data)
{
  GlossLabelRow *row = label_row (f, 2);
  GlossLabel *pillar = gloss_label_row_get_label (row);
  GdkRGBA orange = { 1.0, 120 / 255.0, 0.0, 1.0 };

  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (row_child (row, "color_button")), &orange);
  g_signal_emit_by_name (row_child (row, "color_button"), "color-set");
  iterate ();

  g_assert_cmpstr (gloss_label_get_color (pillar), ==, "#ff7800");
  g_assert_nonnull (strstr (palette_dot (f, 2), "#ff7800"));
  g_assert_true (gloss_corpus_get_dirty (f->corpus));

  activate_win (f, "win.undo", NULL);
  g_assert_cmpstr (gloss_label_get_color (pillar), ==, "#e5a50a");
  g_assert_nonnull (strstr (palette_dot (f, 2), "#e5a50a"));
  {
    GdkRGBA shown;

    gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (row_child (row, "color_button")), &shown);
    g_assert_cmpint ((int)(shown.red * 255 + 0.5), ==, 0xe5);
    g_assert_cmpint ((int)(shown.green * 255 + 0.5), ==, 0xa5);
  }
}

static void
test_rekey (Fixture       *f,
            gconstpointer  data)
{
  GlossLabelRow *row = label_row (f, 2);
  GlossLabel *pillar = gloss_label_row_get_label (row);
  GlossDocumentView *document_view = view (f);

  apply_text (row_child (row, "key_row"), " 7 ");
  g_assert_null (f->failure);
  g_assert_cmpstr (gloss_label_get_key (pillar), ==, "7");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (row_child (row, "key_label"))), ==, "7");
  g_assert_cmpstr (palette_key (f, 2), ==, "7");
  g_assert_true (gloss_corpus_get_dirty (f->corpus));

  /* The new key labels at once; the old one no longer does. */
  g_assert_true (gloss_window_get_document (f->window) == f->a);
  gloss_document_view_select_range (document_view, 11, 15);
  g_assert_true (gloss_document_view_handle_key (document_view, GDK_KEY_7, 0));
  g_assert_nonnull (gloss_document_find_span (f->a, 11, 15, "pillar"));
  gloss_document_view_select_range (document_view, 16, 19);
  g_assert_false (gloss_document_view_handle_key (document_view, GDK_KEY_3, 0));
  g_assert_null (gloss_document_find_span (f->a, 16, 19, "pillar"));
}

static void
test_rekey_refused (Fixture       *f,
                    gconstpointer  data)
{
  static const struct {
    const char *typed;
    const char *says;
  } taken[] = {
    { "Delete", "Delete" },
    { "delete", "Delete" },
    { "Enter", "Enter" },
    { "Return", "Enter" },
    { " ", "Space" },
    { "F9", "F9" },
    { "Escape", "Escape" },
    { "Tab", "Tab" },
  };
  GlossLabelRow *row = label_row (f, 0);
  GlossLabel *principle = gloss_label_row_get_label (row);
  GtkWidget *key_row = row_child (row, "key_row");
  g_autofree char *before = snapshot (f);

  /* Another label's key: the message names that label. */
  apply_text (key_row, "2");
  g_assert_error (f->failure, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_KEY_IN_USE);
  g_assert_nonnull (strstr (f->failure->message, "“Task”"));
  g_assert_true (gtk_widget_has_css_class (key_row, "error"));
  g_assert_cmpstr (gloss_label_get_key (principle), ==, "1");

  /* A key the application uses without modifiers: the message says what
   * it does. */
  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      g_clear_error (&f->failure);
      apply_text (key_row, taken[i].typed);
      g_assert_error (f->failure, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_KEY_IN_USE);
      g_assert_nonnull (strstr (f->failure->message, taken[i].says));
      g_assert_true (gtk_widget_has_css_class (key_row, "error"));
    }

  /* Nothing at all, or more than a key. */
  g_clear_error (&f->failure);
  apply_text (key_row, "");
  g_assert_error (f->failure, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_KEY);
  g_clear_error (&f->failure);
  apply_text (key_row, "ab");
  g_assert_error (f->failure, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_KEY);

  /* Nothing changed, nothing to undo. */
  g_assert_cmpstr (gloss_label_get_key (principle), ==, "1");
  g_assert_cmpstr (palette_key (f, 0), ==, "1");
  g_assert_false (gloss_corpus_get_dirty (f->corpus));
  g_assert_false (gloss_history_get_can_undo (gloss_corpus_get_history (f->corpus)));
  {
    g_autofree char *after = snapshot (f);

    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_describe (Fixture       *f,
               gconstpointer  data)
{
  GlossLabelRow *row = label_row (f, 1);
  GlossLabel *task = gloss_label_row_get_label (row);
  const char *guideline = "Một việc cụ thể: “thu hút đầu tư”, không phải một nguyên tắc.";

  apply_text (row_child (row, "description_row"), guideline);
  g_assert_cmpstr (gloss_label_get_description (task), ==, guideline);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, guideline);

  /* The palette shows the guideline where the label is picked. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (palette_row (f, 1)), ==, guideline);
  g_assert_true (gloss_corpus_get_dirty (f->corpus));

  activate_win (f, "win.undo", NULL);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (palette_row (f, 1)), ==, gloss_label_get_description (task));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row_child (row, "description_row"))), ==,
                   gloss_label_get_description (task));
}

static void
test_locale_names (Fixture       *f,
                   gconstpointer  data)
{
  GlossLabelRow *row = label_row (f, 0);
  GlossLabel *principle = gloss_label_row_get_label (row);
  GtkWidget *locale_entry = row_child (row, "locale_entry");
  GtkWidget *name_entry = row_child (row, "locale_name_entry");
  g_auto(GStrv) before = gloss_label_dup_locales (principle);

  /* The default labels come with their names in the languages Gloss is
   * translated to; Catalan and Hebrew are not among them. */
  g_assert_null (gloss_label_get_name_for_locale (principle, "ca"));

  gtk_editable_set_text (GTK_EDITABLE (locale_entry), "ca");
  gtk_editable_set_text (GTK_EDITABLE (name_entry), "Principi");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "label.add-name", NULL));
  iterate ();
  g_assert_null (f->failure);
  g_assert_cmpstr (gloss_label_get_name_for_locale (principle, "ca"), ==, "Principi");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (locale_entry)), ==, "");
  g_assert_true (gloss_corpus_get_dirty (f->corpus));

  /* Right to left, by pressing Enter in the name. */
  gtk_editable_set_text (GTK_EDITABLE (locale_entry), "he");
  gtk_editable_set_text (GTK_EDITABLE (name_entry), "עיקרון");
  g_signal_emit_by_name (name_entry, "activate");
  iterate ();
  g_assert_cmpstr (gloss_label_get_name_for_locale (principle, "he"), ==, "עיקרון");

  /* Not a locale: refused, shown on the entry. */
  gtk_editable_set_text (GTK_EDITABLE (locale_entry), "tiếng Việt");
  gtk_editable_set_text (GTK_EDITABLE (name_entry), "X");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "label.add-name", NULL));
  iterate ();
  g_assert_error (f->failure, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_LOCALE);
  g_assert_true (gtk_widget_has_css_class (locale_entry, "error"));
  {
    g_auto(GStrv) locales = gloss_label_dup_locales (principle);

    g_assert_cmpuint (g_strv_length (locales), ==, g_strv_length (before) + 2);
  }

  /* Two undo steps take both away. */
  activate_win (f, "win.undo", NULL);
  activate_win (f, "win.undo", NULL);
  g_assert_null (gloss_label_get_name_for_locale (principle, "ca"));
  g_assert_null (gloss_label_get_name_for_locale (principle, "he"));
  g_assert_false (gloss_history_get_can_undo (gloss_corpus_get_history (f->corpus)));
}

static void
test_reorder (Fixture       *f,
              gconstpointer  data)
{
  GlossSchema *schema = gloss_corpus_get_schema (f->corpus);
  GlossLabel *principle = gloss_schema_get_label (schema, 0);

  /* The first cannot go up, the last cannot go down. */
  g_assert_false (gtk_widget_is_sensitive (row_child (label_row (f, 0), "move_up_button")));
  g_assert_true (gtk_widget_is_sensitive (row_child (label_row (f, 0), "move_down_button")));
  g_assert_false (gtk_widget_is_sensitive (row_child (label_row (f, 2), "move_down_button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (label_row (f, 0)), "label.move-down", NULL));
  iterate ();
  g_assert_true (gloss_schema_get_label (schema, 1) == principle);
  g_assert_true (gloss_label_row_get_label (label_row (f, 1)) == principle);
  g_assert_cmpstr (palette_name (f, 0), ==, "Task");
  g_assert_cmpstr (palette_name (f, 1), ==, "Principle");
  g_assert_true (gloss_corpus_get_dirty (f->corpus));
  g_assert_true (gtk_widget_is_sensitive (row_child (label_row (f, 1), "move_up_button")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (label_row (f, 1)), "label.move-down", NULL));
  iterate ();
  g_assert_true (gloss_schema_get_label (schema, 2) == principle);
  g_assert_false (gtk_widget_is_sensitive (row_child (label_row (f, 2), "move_down_button")));

  activate_win (f, "win.undo", NULL);
  activate_win (f, "win.undo", NULL);
  g_assert_true (gloss_schema_get_label (schema, 0) == principle);
  g_assert_cmpstr (palette_name (f, 0), ==, "Principle");
  g_assert_true (gloss_label_row_get_label (label_row (f, 0)) == principle);
}

static void
test_add_label (Fixture       *f,
                gconstpointer  data)
{
  GlossSchema *schema = gloss_corpus_get_schema (f->corpus);
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  GlossLabel *added;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->prefs), "labels.add", NULL));
  iterate ();
  dialog = find_dialog (GTK_WINDOW (f->prefs));
  g_assert_nonnull (dialog);
  entry = adw_message_dialog_get_extra_child (dialog);

  /* No name, no label. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Đối tác chiến lược");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  close_dialog (dialog, "add");

  g_assert_cmpuint (gloss_schema_get_n_labels (schema), ==, 4);
  added = gloss_schema_get_label (schema, 3);
  g_assert_cmpstr (gloss_label_get_id (added), ==, "Doi_tac_chien_luoc");
  g_assert_cmpstr (gloss_label_get_name (added), ==, "Đối tác chiến lược");
  g_assert_cmpstr (gloss_label_get_key (added), ==, "4");
  g_assert_cmpstr (gloss_label_get_color (added), ==, "#c061cb");

  /* Its row comes open, for the rest; the palette has it. */
  g_assert_cmpuint (n_label_rows (f), ==, 4);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (label_row (f, 3))));
  g_assert_cmpuint (n_palette_rows (f), ==, 4);
  g_assert_cmpstr (palette_name (f, 3), ==, "Đối tác chiến lược");
  g_assert_true (gloss_corpus_get_dirty (f->corpus));

  /* It labels at once with its key. */
  gloss_document_view_select_range (view (f), 38, 51);
  g_assert_true (gloss_document_view_handle_key (view (f), GDK_KEY_4, 0));
  g_assert_nonnull (gloss_document_find_span (f->a, 38, 51, "Doi_tac_chien_luoc"));

  /* A second label of the same name gets an id of its own. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->prefs), "labels.add", NULL));
  iterate ();
  dialog = find_dialog (GTK_WINDOW (f->prefs));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "đối tác chiến lược");
  close_dialog (dialog, "add");
  g_assert_cmpstr (gloss_label_get_id (gloss_schema_get_label (schema, 4)), ==, "doi_tac_chien_luoc_2");

  /* Cancel adds nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->prefs), "labels.add", NULL));
  iterate ();
  dialog = find_dialog (GTK_WINDOW (f->prefs));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Nothing");
  close_dialog (dialog, "cancel");
  g_assert_cmpuint (gloss_schema_get_n_labels (schema), ==, 5);

  /* Undo: the span, then the labels. */
  activate_win (f, "win.undo", NULL);
  activate_win (f, "win.undo", NULL);
  activate_win (f, "win.undo", NULL);
  g_assert_cmpuint (gloss_schema_get_n_labels (schema), ==, 3);
  g_assert_cmpuint (n_label_rows (f), ==, 3);
  g_assert_cmpuint (n_palette_rows (f), ==, 3);
}

static void
test_remove_label (Fixture       *f,
                   gconstpointer  data)
{
  GlossSchema *schema = gloss_corpus_get_schema (f->corpus);
  GlossLabel *task = gloss_schema_lookup (schema, "task");
  g_autofree char *before = snapshot (f);
  g_autofree char *restored = NULL;
  AdwMessageDialog *dialog;

  g_assert_cmpuint (gloss_corpus_count_label_spans (f->corpus, "task"), ==, 3);

  /* It asks first, saying how many spans go; Cancel keeps everything. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (label_row (f, 1)), "label.remove", NULL));
  iterate ();
  dialog = find_dialog (GTK_WINDOW (f->prefs));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "“Task”"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "3 spans"));
  close_dialog (dialog, "cancel");
  g_assert_true (gloss_schema_lookup (schema, "task") == task);
  g_assert_false (gloss_corpus_get_dirty (f->corpus));

  /* Remove: the label and its spans in both documents. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (label_row (f, 1)), "label.remove", NULL));
  iterate ();
  close_dialog (find_dialog (GTK_WINDOW (f->prefs)), "remove");
  g_assert_null (gloss_schema_lookup (schema, "task"));
  g_assert_cmpuint (gloss_corpus_count_label_spans (f->corpus, "task"), ==, 0);
  g_assert_cmpuint (gloss_document_get_n_spans (f->a), ==, 2);
  g_assert_cmpuint (gloss_document_get_n_spans (f->b), ==, 1);
  g_assert_cmpuint (n_label_rows (f), ==, 2);
  g_assert_cmpuint (n_palette_rows (f), ==, 2);
  g_assert_cmpstr (palette_name (f, 1), ==, "Pillar");
  g_assert_true (gloss_corpus_get_dirty (f->corpus));

  /* Undone from the main window, in one step: the label at its place and
   * every span, byte for byte. */
  activate_win (f, "win.undo", NULL);
  g_assert_true (gloss_schema_get_label (schema, 1) == task);
  g_assert_cmpuint (gloss_corpus_count_label_spans (f->corpus, "task"), ==, 3);
  g_assert_cmpuint (n_label_rows (f), ==, 3);
  g_assert_cmpstr (palette_name (f, 1), ==, "Task");
  g_assert_false (gloss_history_get_can_undo (gloss_corpus_get_history (f->corpus)));
  restored = snapshot (f);
  g_assert_cmpstr (restored, ==, before);

  /* A label without spans goes without asking, and the toast's Undo
   * brings it back. */
  {
    g_autoptr(GlossLabel) spare = gloss_schema_make_label (schema, "Spare");
    g_autoptr(GError) error = NULL;

    g_assert_true (gloss_history_add_label (gloss_corpus_get_history (f->corpus), spare, G_MAXUINT, &error));
    iterate ();
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (label_row (f, 3)), "label.remove", NULL));
    iterate ();
    g_assert_null (find_dialog (GTK_WINDOW (f->prefs)));
    g_assert_null (gloss_schema_lookup (schema, "Spare"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->prefs), "labels.undo", NULL));
    iterate ();
    g_assert_true (gloss_schema_lookup (schema, "Spare") == spare);
  }
}

static void
test_annotator (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->tmpdir, "signed.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossCorpus) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  GlossDocument *document;
  gint64 deadline;

  g_assert_true (gloss_corpus_save_file (f->corpus, file, NULL, &error));
  g_assert_no_error (error);

  /* Typed in the General page, it reaches the setting and the window. */
  gtk_editable_set_text (GTK_EDITABLE (prefs_child (f, "annotator_row")), "Nguyễn Thị Mai");
  iterate ();
  g_assert_cmpstr (g_settings_get_string (f->settings, "annotator"), ==, "Nguyễn Thị Mai");
  g_assert_cmpstr (gloss_document_view_get_annotator (view (f)), ==, "Nguyễn Thị Mai");
  g_assert_cmpstr (gloss_history_get_annotator (gloss_corpus_get_history (f->corpus)), ==, "Nguyễn Thị Mai");

  /* A span made in the window carries it, into the saved file. */
  gloss_document_view_select_range (view (f), 11, 19);
  activate_win (f, "win.label", g_variant_new_string ("pillar"));
  g_assert_cmpstr (gloss_span_get_annotator (gloss_document_find_span (f->a, 11, 19, "pillar")), ==, "Nguyễn Thị Mai");

  activate_win (f, "win.save", NULL);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (gloss_corpus_get_dirty (f->corpus) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gloss_corpus_get_dirty (f->corpus));

  reloaded = gloss_corpus_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  document = gloss_corpus_lookup_document (reloaded, "a");
  g_assert_cmpstr (gloss_span_get_annotator (gloss_document_find_span (document, 11, 19, "pillar")), ==, "Nguyễn Thị Mai");
  g_assert_cmpstr (gloss_span_get_annotator (gloss_document_find_span (document, 0, 10, "pillar")), ==, "");

  /* Emptied, new spans are unsigned. */
  gtk_editable_set_text (GTK_EDITABLE (prefs_child (f, "annotator_row")), "");
  iterate ();
  gloss_document_view_select_range (view (f), 38, 51);
  activate_win (f, "win.label", g_variant_new_string ("task"));
  g_assert_cmpstr (gloss_span_get_annotator (gloss_document_find_span (f->a, 38, 51, "task")), ==, "");
}

static void
test_snapping (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *snap = prefs_child (f, "snap_switch");

  g_assert_true (gtk_switch_get_active (GTK_SWITCH (snap)));

  /* Off: "ệt Na" stays as selected. */
  gtk_switch_set_active (GTK_SWITCH (snap), FALSE);
  iterate ();
  g_assert_false (g_settings_get_boolean (f->settings, "snap-to-words"));
  {
    gboolean snapping = TRUE;

    g_object_get (view (f), "snap-to-words", &snapping, NULL);
    g_assert_false (snapping);
  }
  gloss_document_view_select_range (view (f), 13, 18);
  g_assert_true (gloss_document_view_handle_key (view (f), GDK_KEY_3, 0));
  g_assert_nonnull (gloss_document_find_span (f->a, 13, 18, "pillar"));
  gloss_document_view_select_range (view (f), 13, 18);
  activate_win (f, "win.label", g_variant_new_string ("task"));
  g_assert_nonnull (gloss_document_find_span (f->a, 13, 18, "task"));

  /* On: widened to "Việt Nam". */
  gtk_switch_set_active (GTK_SWITCH (snap), TRUE);
  iterate ();
  g_assert_true (g_settings_get_boolean (f->settings, "snap-to-words"));
  gloss_document_view_select_range (view (f), 13, 18);
  g_assert_true (gloss_document_view_handle_key (view (f), GDK_KEY_1, 0));
  g_assert_nonnull (gloss_document_find_span (f->a, 11, 19, "principle"));
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The size the document view's text is laid out in, once the style
 * changes have reached it with a frame. */
static int
text_size (Fixture *f)
{
  PangoContext *context;
  gboolean done = FALSE;

  g_timeout_add (200, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  context = gtk_widget_get_pango_context (GTK_WIDGET (view (f)));

  return pango_font_description_get_size (pango_context_get_font_description (context));
}

static void
test_font_size (Fixture       *f,
                gconstpointer  data)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (prefs_child (f, "font_size_spin"));
  int default_size;

  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "Default");

  gtk_spin_button_set_value (spin, 18);
  iterate ();
  g_assert_cmpint (g_settings_get_int (f->settings, "document-font-size"), ==, 18);
  g_assert_cmpint (gloss_document_view_get_font_size (view (f)), ==, 18);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "18");

  /* Back to Default, then one step up: the size Default stood for. */
  gtk_spin_button_set_value (spin, 0);
  iterate ();
  g_assert_cmpint (gloss_document_view_get_font_size (view (f)), ==, 0);
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, 1);
  iterate ();
  default_size = gtk_spin_button_get_value_as_int (spin);
  g_assert_cmpint (default_size, >=, 6);
  g_assert_cmpint (gloss_document_view_get_font_size (view (f)), ==, default_size);

  /* Down from the smallest size is Default again. */
  gtk_spin_button_set_value (spin, 6);
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_BACKWARD, 1);
  iterate ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 0);
  g_assert_cmpint (g_settings_get_int (f->settings, "document-font-size"), ==, 0);

  /* The setting changed elsewhere shows here, and the text takes it. */
  default_size = text_size (f);
  g_settings_set_int (f->settings, "document-font-size", 24);
  iterate ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 24);
  g_assert_cmpint (gloss_document_view_get_font_size (view (f)), ==, 24);
  /* 24 points are 32 pixels, which GTK gives Pango. */
  g_assert_cmpint (text_size (f), ==, 32 * PANGO_SCALE);
  g_assert_cmpint (text_size (f), >, default_size);

  g_settings_set_int (f->settings, "document-font-size", 0);
  iterate ();
  g_assert_cmpint (text_size (f), ==, default_size);
}

static void
test_locked (Fixture       *f,
             gconstpointer  data)
{
  /* While a thread reads the corpus, the labels cannot change. */
  gloss_preferences_window_set_locked (f->prefs, TRUE);
  g_assert_false (gtk_widget_is_sensitive (prefs_child (f, "labels_group")));
  g_assert_false (gtk_widget_is_sensitive (prefs_child (f, "add_label_button")));
  gtk_widget_activate_action (GTK_WIDGET (f->prefs), "labels.add", NULL);
  iterate ();
  g_assert_null (find_dialog (GTK_WINDOW (f->prefs)));

  gloss_preferences_window_set_locked (f->prefs, FALSE);
  g_assert_true (gtk_widget_is_sensitive (prefs_child (f, "labels_group")));
  g_assert_true (gtk_widget_is_sensitive (prefs_child (f, "add_label_button")));
}

/* The window's bindings without modifiers are all known, so that no label
 * can take one of them. */
static void
test_app_keys (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->window));
  guint n_checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) ||
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) != 0)
            continue;

          if (gloss_app_keys_describe_keyval (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))) == NULL)
            g_error ("The window binds %s, which the table misses",
                     gdk_keyval_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))));
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, >, 0);

  /* The document view's own keys. */
  g_assert_nonnull (gloss_app_keys_describe_keyval (GDK_KEY_Delete));
  g_assert_nonnull (gloss_app_keys_describe_keyval (GDK_KEY_Return));
  g_assert_nonnull (gloss_app_keys_describe_keyval (GDK_KEY_Menu));

  /* Characters are free, whatever the script. */
  g_assert_null (gloss_app_keys_describe ("4"));
  g_assert_null (gloss_app_keys_describe ("đ"));
  g_assert_null (gloss_app_keys_describe ("ש"));
  g_assert_null (gloss_app_keys_describe ("Organisation"));
  g_assert_nonnull (gloss_app_keys_describe ("Page_Down"));
  g_assert_nonnull (gloss_app_keys_describe ("esc"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = ui_test_init (&argc, &argv);

#define ADD(path, func, data) \
  g_test_add ("/gloss/ui/preferences/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("open", test_open, GINT_TO_POINTER (1));
  ADD ("rename", test_rename, NULL);
  ADD ("recolor", test_recolor, NULL);
  ADD ("rekey", test_rekey, NULL);
  ADD ("rekey-refused", test_rekey_refused, NULL);
  ADD ("describe", test_describe, NULL);
  ADD ("locale-names", test_locale_names, NULL);
  ADD ("reorder", test_reorder, NULL);
  ADD ("add-label", test_add_label, NULL);
  ADD ("remove-label", test_remove_label, NULL);
  ADD ("annotator", test_annotator, NULL);
  ADD ("snapping", test_snapping, NULL);
  ADD ("font-size", test_font_size, NULL);
  ADD ("locked", test_locked, NULL);
  ADD ("app-keys", test_app_keys, NULL);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
