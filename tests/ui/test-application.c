/* test-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gloss-application.h"
#include "gloss-window.h"

/* One application for the whole run: once registered, it is exported on
 * the session bus under its id, and a second one could not be. */
static GlossApplication *app;

static void
test_application_activate (void)
{
  GtkWindow *window;

  g_assert_cmpstr (g_application_get_application_id (G_APPLICATION (app)), ==, APP_ID);

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_nonnull (window);
  g_assert_true (ADW_IS_APPLICATION_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Gloss");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "devel") == DEVELOPMENT_BUILD);

  /* Activating again presents the same window rather than a second one. */
  g_application_activate (G_APPLICATION (app));
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  gtk_window_destroy (window);
}

/* Waits for the window to show a corpus read from @file. */
static GlossCorpus *
wait_for_corpus_from (GFile *file)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
      GlossCorpus *corpus = GLOSS_IS_WINDOW (window) ? gloss_window_get_corpus (GLOSS_WINDOW (window)) : NULL;
      GFile *corpus_file = corpus != NULL ? gloss_corpus_get_file (corpus) : NULL;

      if (corpus_file != NULL && g_file_equal (corpus_file, file))
        return corpus;
      g_main_context_iteration (NULL, TRUE);
    }

  return NULL;
}

/* What the desktop does with a corpus: `open`, from a file manager, the
 * command line or D-Bus activation. A corpus is known by its name, or, named
 * otherwise, by its content (through the MIME database of the build tree). */
static void
test_application_open (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) sample = NULL;
  g_autofree char *tmpdir = g_dir_make_tmp ("gloss-application-XXXXXX", &error);
  g_autofree char *named_path = g_build_filename (tmpdir, "labels.gloss.json", NULL);
  g_autofree char *unnamed_path = g_build_filename (tmpdir, "attachment", NULL);
  g_autoptr(GFile) named = g_file_new_for_path (named_path);
  g_autoptr(GFile) unnamed = g_file_new_for_path (unnamed_path);
  GlossCorpus *corpus;

  g_assert_no_error (error);
  sample = g_resources_lookup_data ("/io/github/glossapp/Gloss/sample/sample.gloss.json", 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (named_path, g_bytes_get_data (sample, NULL), g_bytes_get_size (sample), NULL));
  g_assert_true (g_file_set_contents (unnamed_path, g_bytes_get_data (sample, NULL), g_bytes_get_size (sample), NULL));

  g_application_open (G_APPLICATION (app), &named, 1, "");
  corpus = wait_for_corpus_from (named);
  g_assert_nonnull (corpus);
  g_assert_cmpuint (gloss_corpus_get_n_documents (corpus), >, 0);
  g_assert_false (gloss_corpus_get_dirty (corpus));

  /* The same window opens the next one; imported as a text, it would make
   * a new corpus with no file. */
  g_application_open (G_APPLICATION (app), &unnamed, 1, "");
  corpus = wait_for_corpus_from (unnamed);
  g_assert_nonnull (corpus);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  gtk_window_destroy (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_remove (named_path);
  g_remove (unnamed_path);
  g_rmdir (tmpdir);
}

int
main (int    argc,
      char **argv)
{
  const char *mime_data = g_getenv ("GLOSS_TEST_MIME_DATA_DIR");
  g_autoptr(GError) error = NULL;
  int status;

  /* The build tree's MIME database knows application/x-gloss-corpus; the
   * system's data directories stay behind it for everything else. (Not
   * g_get_system_data_dirs(): it would keep the value from before.) */
  if (mime_data != NULL)
    {
      const char *system_dirs = g_getenv ("XDG_DATA_DIRS");
      g_autofree char *dirs = NULL;

      if (system_dirs == NULL || *system_dirs == '\0')
        system_dirs = "/usr/local/share:/usr/share";
      dirs = g_strconcat (mime_data, G_SEARCHPATH_SEPARATOR_S, system_dirs, NULL);
      g_setenv ("XDG_DATA_DIRS", dirs, TRUE);
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Not unique: the tests must not hand their work to a Gloss already
   * running on the bus. */
  app = gloss_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/gloss/ui/application/activate", test_application_activate);
  g_test_add_func ("/gloss/ui/application/open", test_application_open);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
