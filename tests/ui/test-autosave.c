/* test-autosave.c: recovery copies from the window, and offered back at
 * the next start
 *
 * XDG_STATE_HOME is a folder of this run, set before GLib first reads it;
 * subprocesses inherit it. Copies are written every second here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <unistd.h>

#include "gloss-application.h"
#include "gloss-window.h"
#include "ui-test-util.h"

static char *tmpdir;

/* Helpers */

static void
empty_state_dir (void)
{
  g_autofree char *dir = gloss_recovery_get_dir ();

  ui_test_remove_tree (dir);
}

/* An application of its own for each start, so that each offers what it
 * finds; ids differ so that each can be registered in this process. */
static GtkApplication *
start_application (void)
{
  static guint n_started;
  g_autofree char *id = g_strdup_printf ("%s.Test%u", APP_ID, ++n_started);
  g_autoptr(GError) error = NULL;
  GtkApplication *app;

  app = g_object_new (GLOSS_TYPE_APPLICATION,
                      "application-id", id,
                      "flags", G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", "/io/github/glossapp/Gloss",
                      NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  ui_test_iterate ();

  return app;
}

static void
stop_application (GtkApplication *app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (app)) != NULL)
    {
      GtkWindow *window = windows->data;

      if (GLOSS_IS_WINDOW (window) && gloss_window_get_corpus (GLOSS_WINDOW (window)) != NULL)
        gloss_corpus_set_dirty (gloss_window_get_corpus (GLOSS_WINDOW (window)), FALSE);
      gtk_window_destroy (window);
    }
  ui_test_iterate ();
  g_object_unref (app);
}

/* The copy written by process @pid, if any. */
static GlossRecovery *
find_copy_of (int pid)
{
  g_autoptr(GPtrArray) all = gloss_recovery_list (GLOSS_RECOVERY_ANY);

  for (guint i = 0; i < all->len; i++)
    if (gloss_recovery_get_pid (g_ptr_array_index (all, i)) == pid)
      return gloss_recovery_ref (g_ptr_array_index (all, i));

  return NULL;
}

static gboolean
own_copy_exists (gpointer data)
{
  g_autoptr(GlossRecovery) copy = find_copy_of (getpid ());

  return copy != NULL;
}

static gboolean
own_copy_has_spans (gpointer data)
{
  g_autoptr(GlossRecovery) copy = find_copy_of (getpid ());

  return copy != NULL && gloss_recovery_get_n_spans (copy) == GPOINTER_TO_UINT (data);
}

static guint
count_copies (void)
{
  g_autoptr(GPtrArray) all = gloss_recovery_list (GLOSS_RECOVERY_ANY);

  return all->len;
}

static gboolean
is_clean (gpointer data)
{
  return !gloss_corpus_get_dirty (data);
}

/* A corpus saved in the run's folder, with two documents and a span, and
 * then an unsaved change: one span more. */
static GlossCorpus *
make_saved_corpus (const char *name)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
  g_autoptr(GlossDocument) first = gloss_document_new ("mot", "Một", "Hòa bình 🕊️ là nguyên tắc của chúng ta.");
  g_autoptr(GlossDocument) second = gloss_document_new ("hai", "שניים", "שלום ושיתוף פעולה");
  g_autoptr(GlossSpan) span = gloss_span_new (0, 8, "principle");
  g_autoptr(GlossSpan) unsaved = gloss_span_new (0, 4, "task");
  g_autoptr(GError) error = NULL;

  g_assert_true (gloss_corpus_add_document (corpus, first, NULL));
  g_assert_true (gloss_corpus_add_document (corpus, second, NULL));
  g_assert_true (gloss_document_add_span (first, span, NULL));
  g_assert_true (gloss_corpus_save_file (corpus, file, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (gloss_document_add_span (second, unsaved, NULL));
  g_assert_true (gloss_corpus_get_dirty (corpus));

  return g_steal_pointer (&corpus);
}

static void
assert_same_corpus (GlossCorpus *expected,
                    GlossCorpus *actual)
{
  g_autoptr(GBytes) a = gloss_corpus_save_to_bytes (expected);
  g_autoptr(GBytes) b = gloss_corpus_save_to_bytes (actual);

  /* The native format writes every document, span and label: the same
   * bytes are the same corpus. */
  g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                   g_bytes_get_data (b, NULL), g_bytes_get_size (b));
}

/* Writes a copy in a process that ends without removing it, as a crash
 * would (the subprocess side of the tests that call it). */
static void
crash_with_unsaved_work (void)
{
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
write_leftover_copy (void)
{
  g_autoptr(GlossCorpus) corpus = make_saved_corpus ("left.gloss.json");
  g_autofree char *id = gloss_recovery_make_id ();
  g_autoptr(GlossRecovery) written = NULL;
  g_autoptr(GError) error = NULL;

  written = gloss_recovery_write (corpus, id, "Bỏ dở", NULL, &error);
  g_assert_no_error (error);
}

/* The window */

/* While there are unsaved changes, a copy every interval; a save removes
 * it. */
static void
test_recovery_window_interval (void)
{
  GtkApplication *app = NULL;
  g_autoptr(GlossCorpus) corpus = make_saved_corpus ("interval.gloss.json");
  g_autoptr(GlossRecovery) copy = NULL;
  g_autoptr(GlossCorpus) loaded = NULL;
  g_autoptr(GlossSpan) span = gloss_span_new (9, 11, "pillar");
  g_autoptr(GError) error = NULL;
  GlossWindow *window;

  empty_state_dir ();
  app = start_application ();
  window = GLOSS_WINDOW (gtk_application_get_active_window (app));
  gloss_window_set_corpus (window, corpus);
  ui_test_iterate ();

  ui_test_wait_until (own_copy_exists, NULL);
  copy = find_copy_of (getpid ());
  g_assert_cmpstr (gloss_recovery_get_name (copy), ==, "interval");
  loaded = gloss_recovery_load (copy, NULL, &error);
  g_assert_no_error (error);
  assert_same_corpus (corpus, loaded);

  /* The next change reaches the copy at the next interval. */
  g_assert_true (gloss_document_add_span (gloss_corpus_get_document (corpus, 0), span, NULL));
  ui_test_wait_until (own_copy_has_spans, GUINT_TO_POINTER (3));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  ui_test_wait_until (is_clean, corpus);
  ui_test_iterate ();
  g_assert_cmpuint (count_copies (), ==, 0);

  stop_application (app);
}

static gboolean
is_inactive (gpointer data)
{
  return !gtk_window_is_active (data);
}

/* The window stops being the active one: a copy at once, not at the next
 * interval. */
static void
test_recovery_window_focus_loss (void)
{
  GtkApplication *app = NULL;
  g_autoptr(GlossCorpus) corpus = make_saved_corpus ("focus.gloss.json");
  GtkWidget *other;
  GlossWindow *window;

  empty_state_dir ();
  g_setenv ("GLOSS_AUTOSAVE_INTERVAL", "3600", TRUE);
  app = start_application ();
  g_setenv ("GLOSS_AUTOSAVE_INTERVAL", "1", TRUE);
  window = GLOSS_WINDOW (gtk_application_get_active_window (app));
  gloss_window_set_corpus (window, corpus);
  ui_test_iterate ();
  g_assert_cmpuint (count_copies (), ==, 0);

  /* Another window takes the focus. */
  other = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (other));
  ui_test_wait_until (is_inactive, window);
  ui_test_wait_until (own_copy_exists, NULL);
  gtk_window_destroy (GTK_WINDOW (other));

  stop_application (app);
}

/* Closing with Discard at the unsaved-changes question removes the copy. */
static void
test_recovery_window_discard (void)
{
  GtkApplication *app = NULL;
  g_autoptr(GlossCorpus) corpus = make_saved_corpus ("discard.gloss.json");
  AdwMessageDialog *dialog;
  GlossWindow *window;

  empty_state_dir ();
  app = start_application ();
  window = GLOSS_WINDOW (gtk_application_get_active_window (app));
  gloss_window_set_corpus (window, corpus);
  ui_test_wait_until (own_copy_exists, NULL);

  /* Held until its dialog is gone: GTK 4.8 does not keep a dialog's
   * parent alive for it. */
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  ui_test_iterate ();
  dialog = ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  ui_test_respond (dialog, "discard");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpuint (count_copies (), ==, 0);
  g_assert_finalize_object (window);

  stop_application (app);
}

/* The next start */

static gboolean
has_corpus (gpointer data)
{
  GtkApplication *app = data;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (GLOSS_IS_WINDOW (l->data) && gloss_window_get_corpus (l->data) != NULL)
      return TRUE;

  return FALSE;
}

/* Restore: the same documents and spans, unsaved, still saved to their
 * file by Save; the leftover copy goes once the window has its own. */
static void
test_recovery_restore_at_start (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "left.gloss.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossCorpus) expected = NULL;
  g_autoptr(GlossCorpus) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkApplication *app;
  AdwMessageDialog *dialog;
  GlossWindow *window;
  GlossCorpus *corpus;

  if (g_test_subprocess ())
    {
      write_leftover_copy ();
      return;
    }

  empty_state_dir ();
  crash_with_unsaved_work ();
  expected = make_saved_corpus ("expected.gloss.json");
  gloss_corpus_set_file (expected, file);
  g_assert_cmpuint (count_copies (), ==, 1);

  app = start_application ();
  dialog = ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore Unsaved Work?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“Bỏ dở”"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "today at "));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2 documents, 2 spans"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "left.gloss.json"));

  ui_test_respond (dialog, "restore");
  ui_test_wait_until (has_corpus, app);
  window = GLOSS_WINDOW (gtk_application_get_active_window (app));
  corpus = gloss_window_get_corpus (window);
  assert_same_corpus (expected, corpus);
  g_assert_true (gloss_corpus_get_dirty (corpus));
  g_assert_true (g_file_equal (gloss_corpus_get_file (corpus), file));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• Bỏ dở"));

  /* Until the window has its own copy, the leftover stays. */
  g_assert_cmpuint (count_copies (), ==, 1);
  ui_test_wait_until (own_copy_exists, NULL);
  ui_test_iterate ();
  g_assert_cmpuint (count_copies (), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  ui_test_wait_until (is_clean, corpus);
  ui_test_iterate ();
  g_assert_cmpuint (count_copies (), ==, 0);
  saved = gloss_corpus_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_same_corpus (expected, saved);

  stop_application (app);
}

/* Discard: the copy is gone for good, and the window stays as it was. */
static void
test_recovery_discard_at_start (void)
{
  GtkApplication *app;
  AdwMessageDialog *dialog;

  if (g_test_subprocess ())
    {
      write_leftover_copy ();
      return;
    }

  empty_state_dir ();
  crash_with_unsaved_work ();
  crash_with_unsaved_work ();
  g_assert_cmpuint (count_copies (), ==, 2);

  /* Two crashes, two questions, one after the other. */
  app = start_application ();
  ui_test_respond (ui_test_find_message_dialog (), "discard");
  dialog = ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  ui_test_respond (dialog, "discard");
  g_assert_null (ui_test_find_message_dialog ());

  g_assert_cmpuint (count_copies (), ==, 0);
  g_assert_null (gloss_window_get_corpus (GLOSS_WINDOW (gtk_application_get_active_window (app))));

  stop_application (app);
}

/* Copies that cannot be read are reported, with why and where they are
 * kept, never loaded nor deleted. */
static void
test_recovery_damaged_at_start (void)
{
  g_autofree char *dir = gloss_recovery_get_dir ();
  g_autofree char *corrupt = g_build_filename (dir, "recovery-7-corrupt.gloss-recovery", NULL);
  g_autofree char *aside = g_strconcat (corrupt, ".damaged", NULL);
  g_autofree char *newer = g_build_filename (dir, "recovery-7-newer.gloss-recovery", NULL);
  const char *newer_contents = "{\"format\": \"gloss-recovery\", \"version\": 2}\n{}";
  GtkApplication *app;
  AdwMessageDialog *dialog;

  empty_state_dir ();
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (corrupt, "{\"format\": \"gloss-rec", -1, NULL));
  g_assert_true (g_file_set_contents (newer, newer_contents, -1, NULL));

  app = start_application ();
  dialog = ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Unsaved Work Cannot Be Restored");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "does not start with a line of details"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), aside));
  ui_test_respond (dialog, "close");

  dialog = ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "version 2"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), newer));
  ui_test_respond (dialog, "close");
  g_assert_null (ui_test_find_message_dialog ());

  g_assert_null (gloss_window_get_corpus (GLOSS_WINDOW (gtk_application_get_active_window (app))));
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (corrupt, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (newer, G_FILE_TEST_IS_REGULAR));

  stop_application (app);
}

static gboolean
has_dialog (gpointer data)
{
  return ui_test_find_message_dialog () != NULL;
}

/* Good details, a damaged corpus: found when restoring, reported, kept. */
static void
test_recovery_damaged_body_at_start (void)
{
  g_autoptr(GPtrArray) copies = NULL;
  g_autofree char *dir = gloss_recovery_get_dir ();
  g_autofree char *path = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *contents = NULL;
  GtkApplication *app;
  AdwMessageDialog *dialog;
  gsize length;

  if (g_test_subprocess ())
    {
      write_leftover_copy ();
      return;
    }

  empty_state_dir ();
  crash_with_unsaved_work ();
  copies = gloss_recovery_list (GLOSS_RECOVERY_ANY);
  g_assert_cmpuint (copies->len, ==, 1);
  path = g_strdup_printf ("%s/%s.gloss-recovery", dir, gloss_recovery_get_id (g_ptr_array_index (copies, 0)));
  aside = g_strconcat (path, ".damaged", NULL);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length - 40, NULL));

  app = start_application ();
  ui_test_respond (ui_test_find_message_dialog (), "restore");
  ui_test_wait_until (has_dialog, NULL);
  dialog = ui_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Restore the Unsaved Work");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "The recovery copy of “Bỏ dở” is damaged: "));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), aside));
  ui_test_respond (dialog, "close");

  g_assert_null (gloss_window_get_corpus (GLOSS_WINDOW (gtk_application_get_active_window (app))));
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (count_copies (), ==, 0);

  stop_application (app);
}

/* A copy whose process still runs is not offered. */
static void
test_recovery_running_not_offered (void)
{
  g_autoptr(GlossCorpus) corpus = make_saved_corpus ("mine.gloss.json");
  g_autofree char *id = gloss_recovery_make_id ();
  g_autoptr(GlossRecovery) written = NULL;
  g_autoptr(GError) error = NULL;
  GtkApplication *app;

  empty_state_dir ();
  written = gloss_recovery_write (corpus, id, "Của tôi", NULL, &error);
  g_assert_no_error (error);

  app = start_application ();
  g_assert_null (ui_test_find_message_dialog ());
  g_assert_cmpuint (count_copies (), ==, 1);
  stop_application (app);
  g_assert_true (gloss_recovery_remove (id, NULL));
}

typedef struct
{
  GSubprocess *process;
  int          pid;
} Running;

static gboolean
child_copy_exists (gpointer data)
{
  g_autoptr(GlossRecovery) copy = find_copy_of (((Running *)data)->pid);

  return copy != NULL;
}

/* A real Gloss, killed with unsaved work, loses at most an interval: the
 * next start offers what it had. */
static void
test_recovery_killed_process (void)
{
  const char *binary = g_getenv ("GLOSS_APP");
  g_autofree char *text_path = g_build_filename (tmpdir, "bai-viet.txt", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  Running running = { NULL };
  GtkApplication *app;
  AdwMessageDialog *dialog;
  GlossDocument *document;

  if (binary == NULL)
    {
      g_test_skip ("GLOSS_APP does not say where the gloss binary is");
      return;
    }

  empty_state_dir ();
  g_assert_true (g_file_set_contents (text_path, "Quan hệ đối tác 🤝\nبرنامج التعاون\n", -1, NULL));

  /* Its own bus (none): the name of an instance running in the session
   * must not swallow the start. Its expected warning about that is not
   * fatal there. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
  g_subprocess_launcher_setenv (launcher, "GLOSS_AUTOSAVE_INTERVAL", "1", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "G_DEBUG");
  running.process = g_subprocess_launcher_spawn (launcher, &error, binary, text_path, NULL);
  g_assert_no_error (error);
  running.pid = atoi (g_subprocess_get_identifier (running.process));

  /* Imported texts are unsaved work. */
  ui_test_wait_until (child_copy_exists, &running);
  g_subprocess_send_signal (running.process, SIGKILL);
  g_assert_true (g_subprocess_wait (running.process, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&running.process);

  app = start_application ();
  dialog = ui_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“New Corpus”"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 document, 0 spans"));
  ui_test_respond (dialog, "restore");
  ui_test_wait_until (has_corpus, app);

  document = gloss_corpus_get_document (gloss_window_get_corpus (GLOSS_WINDOW (gtk_application_get_active_window (app))), 0);
  g_assert_cmpstr (gloss_document_get_title (document), ==, "Quan hệ đối tác 🤝");
  g_assert_cmpstr (gloss_document_get_text (document), ==, "Quan hệ đối tác 🤝\nبرنامج التعاون\n");

  stop_application (app);
  empty_state_dir ();
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *state_home = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Before anything asks GLib for the folder; a subprocess test inherits
   * its parent's. */
  if (!g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      tmpdir = g_dir_make_tmp ("gloss-recovery-XXXXXX", &error);
      g_assert_no_error (error);
      state_home = g_build_filename (tmpdir, "state", NULL);
      g_setenv ("XDG_STATE_HOME", state_home, TRUE);
      g_setenv ("GLOSS_TEST_TMPDIR", tmpdir, TRUE);
    }
  else
    tmpdir = g_strdup (g_getenv ("GLOSS_TEST_TMPDIR"));
  g_setenv ("GLOSS_AUTOSAVE_INTERVAL", "1", TRUE);

  g_test_add_func ("/gloss/ui/autosave/window-interval", test_recovery_window_interval);
  g_test_add_func ("/gloss/ui/autosave/window-focus-loss", test_recovery_window_focus_loss);
  g_test_add_func ("/gloss/ui/autosave/window-discard", test_recovery_window_discard);
  g_test_add_func ("/gloss/ui/autosave/restore-at-start", test_recovery_restore_at_start);
  g_test_add_func ("/gloss/ui/autosave/discard-at-start", test_recovery_discard_at_start);
  g_test_add_func ("/gloss/ui/autosave/damaged-at-start", test_recovery_damaged_at_start);
  g_test_add_func ("/gloss/ui/autosave/damaged-body-at-start", test_recovery_damaged_body_at_start);
  g_test_add_func ("/gloss/ui/autosave/running-not-offered", test_recovery_running_not_offered);
  g_test_add_func ("/gloss/ui/autosave/killed-process", test_recovery_killed_process);

  status = g_test_run ();

  if (!g_test_subprocess ())
    ui_test_remove_tree (tmpdir);
  g_free (tmpdir);

  return status;
}
