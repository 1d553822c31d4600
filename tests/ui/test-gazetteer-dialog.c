/* test-gazetteer-dialog.c: pre-annotation with a term list, driven
 * through the dialog's widgets and the window's actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-application.h"
#include "ui-test-util.h"
#include "gloss-gazetteer-dialog.h"
#include "gloss-window.h"

#include "../core/format-test-util.h"

/* Overlapping terms: the city is longer than the person it is named after,
 * the university longer than the city it is in. “Huế” has no label. */
#define TERMS \
  "# Địa danh, nhân vật, tổ chức\n" \
  "Thành phố Hồ Chí Minh\tLOC\n" \
  "Hồ Chí Minh\tPER\n" \
  "Hà Nội\tLOC\n" \
  "Huế\n" \
  "Sông Hương\tLOC\n" \
  "Đại học Huế\tORG\n"

typedef struct
{
  GlossWindow    *window;
  GlossCorpus    *corpus;
  GlossDocument  *first;
  GlossDocument  *second;
  char           *tmpdir;
} Fixture;

static GtkApplication *app;

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GlossCorpus *
corpus_new (void)
{
  const char *labels[][3] = {
    { "LOC", "Địa danh", "#3584e4" },
    { "PER", "Nhân vật", "#e01b24" },
    { "ORG", "Tổ chức", "#2ec27e" },
  };
  g_autoptr(GlossSchema) schema = gloss_schema_new ();

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(GlossLabel) label = gloss_label_new (labels[i][0], labels[i][1], labels[i][2], NULL, NULL);

      g_assert_true (gloss_schema_add (schema, label, NULL));
    }

  return gloss_corpus_new_with_schema (schema);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GlossSpan) existing = gloss_span_new (36, 42, "LOC");

  f->corpus = corpus_new ();
  /* 0–21 the city, 36–42 Hà Nội, 44–55 the person; 👩‍🔬 is three code points. */
  f->first = format_test_add_document (f->corpus, "mot",
                           "Thành phố Hồ Chí Minh kết nghĩa với Hà Nội; Hồ Chí Minh 👩‍🔬 sinh ở Nghệ An.");
  /* 0–11 the university, 42–45 Huế; sông Hương (20–30) and HÀ NỘI (47–53)
   * only when case is ignored. */
  f->second = format_test_add_document (f->corpus, "hai",
                            "Đại học Huế nằm bên sông Hương, giữa lòng Huế. HÀ NỘI ở xa.");
  /* Already labelled: not added twice. */
  g_assert_true (gloss_document_add_span (f->first, existing, &error));
  g_assert_no_error (error);
  gloss_corpus_set_dirty (f->corpus, FALSE);

  f->window = g_object_ref (gloss_window_new (app));
  gtk_window_present (GTK_WINDOW (f->window));
  gloss_window_set_corpus (f->window, f->corpus);
  iterate ();
  g_assert_true (gloss_window_get_document (f->window) == f->first);

  f->tmpdir = format_test_make_tmp_dir ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gloss_corpus_set_dirty (f->corpus, FALSE);
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_assert_finalize_object (f->window);
  g_clear_object (&f->corpus);

  format_test_remove_tree (f->tmpdir);
  g_free (f->tmpdir);
}

static GlossGazetteer *
gazetteer_new (const char *list)
{
  g_autoptr(GBytes) bytes = g_bytes_new (list, strlen (list));
  g_autoptr(GError) error = NULL;
  GlossGazetteer *gazetteer = gloss_gazetteer_new_from_bytes (bytes, "terms.txt", &error);

  g_assert_no_error (error);

  return gazetteer;
}

static void
wait_for_count (GlossGazetteerDialog *dialog)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (gloss_gazetteer_dialog_get_counting (dialog) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (gloss_gazetteer_dialog_get_counting (dialog));
  iterate ();
}

static GlossGazetteerDialog *
dialog_new (Fixture    *f,
            const char *list)
{
  g_autoptr(GlossGazetteer) gazetteer = gazetteer_new (list);
  GlossGazetteerDialog *dialog;

  dialog = gloss_gazetteer_dialog_new (GTK_WINDOW (f->window), f->corpus,
                                       gloss_window_get_document (f->window), gazetteer);
  gtk_window_present (GTK_WINDOW (dialog));
  wait_for_count (dialog);

  return dialog;
}

static GtkWidget *
find_child (GtkWidget  *widget,
            const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)), id) == 0)
        return child;
      if ((found = find_child (child, id)))
        return found;
    }

  return NULL;
}

static GtkWidget *
find (GlossGazetteerDialog *dialog,
      const char           *id)
{
  GtkWidget *found = find_child (GTK_WIDGET (dialog), id);

  g_assert_nonnull (found);

  return found;
}

/* The preview as "LABEL=COUNT" joined by spaces, "-" for terms still
 * without a label, ending with "total=COUNT". */
static char *
describe_preview (GlossGazetteerDialog *dialog)
{
  GString *out = g_string_new (NULL);
  GtkWidget *list = find (dialog, "preview_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      const char *id = g_object_get_data (G_OBJECT (row), "gloss-label-id");
      GtkLabel *count = g_object_get_data (G_OBJECT (row), "gloss-count");

      g_assert_nonnull (count);
      if (out->len > 0)
        g_string_append_c (out, ' ');
      if (id == NULL)
        g_assert_true (gtk_widget_has_css_class (row, "total"));
      g_string_append_printf (out, "%s=%s", id == NULL ? "total" : id[0] == '\0' ? "-" : id,
                              gtk_label_get_label (count));
    }

  return g_string_free (out, FALSE);
}

static const char *
apply_label (GlossGazetteerDialog *dialog)
{
  return gtk_button_get_label (GTK_BUTTON (find (dialog, "apply_button")));
}

static gboolean
can_apply (GlossGazetteerDialog *dialog)
{
  return gtk_widget_is_sensitive (find (dialog, "apply_button"));
}

static void
select_default_label (GlossGazetteerDialog *dialog,
                      guint                 position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (dialog, "default_label_row")), position);
  g_assert_true (gloss_gazetteer_dialog_get_counting (dialog));
  wait_for_count (dialog);
}

static void
assert_preview (GlossGazetteerDialog *dialog,
                const char           *expected)
{
  g_autofree char *preview = describe_preview (dialog);

  g_assert_cmpstr (preview, ==, expected);
}

static void
close_dialog (GlossGazetteerDialog *dialog)
{
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_null (dialog);
}

/* Tests */

static void
test_preview_counts (Fixture       *f,
                     gconstpointer  data)
{
  GlossGazetteerDialog *dialog = dialog_new (f, TERMS);
  AdwActionRow *list_row = ADW_ACTION_ROW (find (dialog, "list_row"));

  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (list_row)), ==, "terms.txt");
  g_assert_cmpstr (adw_action_row_get_subtitle (list_row), ==, "6 terms");

  /* Longest first: the city, not the person inside it; the university, not
   * the city inside it. Huế waits for a default label, so nothing can be
   * added yet. */
  assert_preview (dialog, "LOC=2 PER=1 ORG=1 -=1 total=5");
  g_assert_false (can_apply (dialog));

  /* With LOC for Huế; Hà Nội is a span already. */
  select_default_label (dialog, 0);
  assert_preview (dialog, "LOC=3 PER=1 ORG=1 total=5");
  g_assert_cmpstr (apply_label (dialog), ==, "_Add 4 Spans");
  g_assert_true (can_apply (dialog));

  /* The default label's row follows the choice. */
  select_default_label (dialog, 1);
  assert_preview (dialog, "LOC=2 PER=2 ORG=1 total=5");

  close_dialog (dialog);
}

static void
test_ignore_case (Fixture       *f,
                  gconstpointer  data)
{
  GlossGazetteerDialog *dialog = dialog_new (f, TERMS);
  GtkSwitch *ignore_case = GTK_SWITCH (find (dialog, "ignore_case_switch"));

  select_default_label (dialog, 0);
  assert_preview (dialog, "LOC=3 PER=1 ORG=1 total=5");

  /* sông Hương and HÀ NỘI too. */
  gtk_switch_set_active (ignore_case, TRUE);
  g_assert_true (gloss_gazetteer_dialog_get_counting (dialog));
  g_assert_false (can_apply (dialog));
  wait_for_count (dialog);
  assert_preview (dialog, "LOC=5 PER=1 ORG=1 total=7");
  g_assert_cmpstr (apply_label (dialog), ==, "_Add 6 Spans");

  /* Toggled twice before the first count is done: the first is cancelled,
   * and what is shown is the count for the last choice. */
  gtk_switch_set_active (ignore_case, FALSE);
  gtk_switch_set_active (ignore_case, TRUE);
  gtk_switch_set_active (ignore_case, FALSE);
  wait_for_count (dialog);
  assert_preview (dialog, "LOC=3 PER=1 ORG=1 total=5");

  close_dialog (dialog);
}

static void
test_scope (Fixture       *f,
            gconstpointer  data)
{
  GlossGazetteerDialog *dialog = dialog_new (f, TERMS);
  AdwComboRow *scope = ADW_COMBO_ROW (find (dialog, "scope_row"));

  select_default_label (dialog, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (scope)), ==, "2 documents");

  /* The document shown: the city, Hà Nội (already a span) and the person. */
  adw_combo_row_set_selected (scope, 0);
  wait_for_count (dialog);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (scope)), ==, "mot");
  assert_preview (dialog, "LOC=2 PER=1 ORG=0 total=3");
  g_assert_cmpstr (apply_label (dialog), ==, "_Add 2 Spans");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "gazetteer.apply", NULL);
  iterate ();
  g_assert_cmpuint (gloss_document_get_n_spans (f->first), ==, 3);
  g_assert_cmpuint (gloss_document_get_n_spans (f->second), ==, 0);
}

static void
test_default_label_needed (Fixture       *f,
                           gconstpointer  data)
{
  GlossGazetteerDialog *dialog = dialog_new (f, TERMS);
  GtkWidget *row = find (dialog, "default_label_row");

  /* Needed, and not taken for granted. */
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Choose one for the 1 term without a label");
  g_assert_false (can_apply (dialog));
  /* Nothing happens through the action either. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "gazetteer.apply", NULL);
  iterate ();
  g_assert_cmpuint (gloss_corpus_count_spans (f->corpus), ==, 1);
  close_dialog (dialog);

  /* Every term labelled: no default label to choose. */
  dialog = dialog_new (f, "Hà Nội\tLOC\nĐại học Huế\tORG\n");
  g_assert_false (gtk_widget_get_visible (find (dialog, "default_label_row")));
  assert_preview (dialog, "LOC=1 ORG=1 total=2");
  g_assert_cmpstr (apply_label (dialog), ==, "_Add 1 Span");
  g_assert_true (can_apply (dialog));
  close_dialog (dialog);
}

static void
test_unknown_label (Fixture       *f,
                    gconstpointer  data)
{
  GlossGazetteerDialog *dialog = dialog_new (f, "Hà Nội\tLOC\nNghệ An\tPROVINCE\nHuế\tPROVINCE\n");
  GtkWidget *problems = find (dialog, "problems_list");
  AdwActionRow *row = ADW_ACTION_ROW (gtk_widget_get_first_child (problems));

  /* Said with the list's name and line; nothing can be added. */
  g_assert_true (gtk_widget_get_visible (find (dialog, "problems_group")));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "No label “PROVINCE”");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "terms.txt:2: 2 terms");
  g_assert_null (gtk_widget_get_next_sibling (GTK_WIDGET (row)));
  assert_preview (dialog, "LOC=1 PROVINCE=3 total=4");
  g_assert_false (can_apply (dialog));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "gazetteer.apply", NULL);
  iterate ();
  g_assert_cmpuint (gloss_corpus_count_spans (f->corpus), ==, 1);
  close_dialog (dialog);
}

static void
on_applied_cb (GlossGazetteerDialog *dialog,
               guint                 n_added,
               guint                *out)
{
  *out = n_added;
}

static void
test_apply_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  GlossGazetteerDialog *dialog = dialog_new (f, TERMS);
  GlossHistory *history = gloss_corpus_get_history (f->corpus);
  guint n_added = 0;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  g_signal_connect (dialog, "applied", G_CALLBACK (on_applied_cb), &n_added);
  select_default_label (dialog, 0);
  gtk_switch_set_active (GTK_SWITCH (find (dialog, "ignore_case_switch")), TRUE);
  wait_for_count (dialog);
  g_assert_cmpstr (apply_label (dialog), ==, "_Add 6 Spans");
  g_assert_false (gloss_history_get_can_undo (history));

  gtk_widget_activate_action (GTK_WIDGET (dialog), "gazetteer.apply", NULL);
  iterate ();

  /* Added, and the dialog is gone. */
  g_assert_null (dialog);
  g_assert_cmpuint (n_added, ==, 6);
  g_assert_cmpuint (gloss_document_get_n_spans (f->first), ==, 3);
  g_assert_cmpuint (gloss_document_get_n_spans (f->second), ==, 4);
  g_assert_nonnull (gloss_document_find_span (f->first, 0, 21, "LOC"));
  g_assert_nonnull (gloss_document_find_span (f->first, 36, 42, "LOC"));
  g_assert_nonnull (gloss_document_find_span (f->first, 44, 55, "PER"));
  g_assert_nonnull (gloss_document_find_span (f->second, 0, 11, "ORG"));
  g_assert_nonnull (gloss_document_find_span (f->second, 20, 30, "LOC"));
  g_assert_nonnull (gloss_document_find_span (f->second, 42, 45, "LOC"));
  g_assert_nonnull (gloss_document_find_span (f->second, 47, 53, "LOC"));
  g_assert_true (gloss_corpus_get_dirty (f->corpus));

  /* One Ctrl+Z takes all of them back, and only them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  iterate ();
  g_assert_cmpuint (gloss_corpus_count_spans (f->corpus), ==, 1);
  g_assert_nonnull (gloss_document_find_span (f->first, 36, 42, "LOC"));
  g_assert_false (gloss_history_get_can_undo (history));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  iterate ();
  g_assert_cmpuint (gloss_corpus_count_spans (f->corpus), ==, 7);
}

static GtkWindow *
find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* The list is read asynchronously: wait for what it leads to. */
static GtkWindow *
wait_for_window (GType type)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWindow *window;

  while ((window = find_window (type)) == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  return window;
}

static void
pre_annotate (Fixture    *f,
              const char *name,
              const char *contents,
              gssize      length)
{
  g_autofree char *path = g_build_filename (f->tmpdir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  format_test_write_file (f->tmpdir, name, contents, length);
  gloss_window_pre_annotate (f->window, file);
}

static void
assert_list_refused (Fixture    *f,
                     const char *contents,
                     gssize      length,
                     const char *body)
{
  guint64 changes = gloss_corpus_get_change_count (f->corpus);
  AdwMessageDialog *message;

  pre_annotate (f, "bad.txt", contents, length);
  message = ADW_MESSAGE_DIALOG (wait_for_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Could Not Read the Term List");
  g_assert_cmpstr (adw_message_dialog_get_body (message), ==, body);
  gtk_window_destroy (GTK_WINDOW (message));
  iterate ();

  /* Nothing changed, and no pre-annotation dialog was offered. */
  g_assert_null (find_window (GLOSS_TYPE_GAZETTEER_DIALOG));
  g_assert_cmpuint (gloss_corpus_get_change_count (f->corpus), ==, changes);
  g_assert_cmpuint (gloss_corpus_count_spans (f->corpus), ==, 1);
  g_assert_false (gloss_corpus_get_dirty (f->corpus));
}

static void
test_malformed_list (Fixture       *f,
                     gconstpointer  data)
{
  assert_list_refused (f, "Hà Nội\tLOC\n# ok\n\tLOC\nHuế\n", -1, "bad.txt:3: the term is empty");
  assert_list_refused (f, "Hà Nội\tLOC\nHuế\tđịa danh\n", -1,
                       "bad.txt:2: “địa danh” is not a label id (1 to 64 ASCII letters, digits, “_”, “-”, “.” or “:”)");
  assert_list_refused (f, "Hà Nội\nSa\xFF Pa\n", -1,
                       "bad.txt:2: invalid UTF-8 at byte offset 12; convert the list to UTF-8 first");
}

static void
test_window_opens_list (Fixture       *f,
                        gconstpointer  data)
{
  GlossGazetteerDialog *dialog;

  pre_annotate (f, "địa-danh.txt", TERMS, -1);
  dialog = GLOSS_GAZETTEER_DIALOG (wait_for_window (GLOSS_TYPE_GAZETTEER_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find (dialog, "list_row"))), ==,
                   "địa-danh.txt");
  wait_for_count (dialog);
  assert_preview (dialog, "LOC=2 PER=1 ORG=1 -=1 total=5");

  /* Another corpus takes the dialog's away: the dialog goes with it. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
  gloss_window_set_corpus (f->window, NULL);
  iterate ();
  g_assert_null (dialog);
}

/* The shared fixture's list of provinces, unaccented and unlabelled: the
 * dialog counts what the core counts, and adds it. */
static void
test_provinces_fixture (Fixture       *f,
                        gconstpointer  data)
{
  const char *fixtures = g_getenv ("GLOSS_SHARED_FIXTURES");
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) list = NULL;
  g_autoptr(GlossGazetteer) gazetteer = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;
  GlossGazetteerDialog *dialog;
  guint n;

  if (fixtures == NULL)
    {
      g_test_skip ("GLOSS_SHARED_FIXTURES is not set");
      return;
    }

  /* Written without diacritics, as the list is: two provinces overlap in
   * “Ha Nam Dinh”, and the first one found wins. */
  format_test_add_document (f->corpus, "khong-dau",
                "Doan cong tac tu Ha Noi den Ninh Binh, Quang Nam va Vung Tau, roi ve ha noi qua Ha Nam Dinh.");
  path = g_build_filename (fixtures, "vn-provinces.txt", NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("vn-provinces.txt is not in GLOSS_SHARED_FIXTURES");
      return;
    }
  list = g_file_new_for_path (path);
  gazetteer = gloss_gazetteer_new_from_file (list, &error);
  g_assert_no_error (error);
  counts = gloss_gazetteer_count_matches (gazetteer, f->corpus, NULL, "LOC", TRUE);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, "LOC"));
  g_assert_cmpuint (n, ==, 6);

  gloss_window_pre_annotate (f->window, list);
  dialog = GLOSS_GAZETTEER_DIALOG (wait_for_window (GLOSS_TYPE_GAZETTEER_DIALOG));
  g_assert_nonnull (dialog);
  wait_for_count (dialog);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find (dialog, "list_row"))), ==, "63 terms");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find (dialog, "default_label_row"))), ==,
                   "Choose one for the 63 terms without a label");
  assert_preview (dialog, "-=5 total=5");

  gtk_switch_set_active (GTK_SWITCH (find (dialog, "ignore_case_switch")), TRUE);
  wait_for_count (dialog);
  select_default_label (dialog, 0);
  expected = g_strdup_printf ("LOC=%u total=%u", n, n);
  assert_preview (dialog, expected);
  g_assert_cmpstr (apply_label (dialog), ==, "_Add 6 Spans");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "gazetteer.apply", NULL);
  iterate ();
  g_assert_cmpuint (gloss_corpus_count_spans (f->corpus), ==, 1 + n);
  g_assert_nonnull (gloss_document_find_span (gloss_corpus_lookup_document (f->corpus, "khong-dau"), 80, 86, "LOC"));
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = ui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/gloss/ui/gazetteer-dialog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("preview-counts", test_preview_counts);
  ADD ("ignore-case", test_ignore_case);
  ADD ("scope", test_scope);
  ADD ("default-label-needed", test_default_label_needed);
  ADD ("unknown-label", test_unknown_label);
  ADD ("apply-and-undo", test_apply_and_undo);
  ADD ("malformed-list", test_malformed_list);
  ADD ("window-opens-list", test_window_opens_list);
  ADD ("provinces-fixture", test_provinces_fixture);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
