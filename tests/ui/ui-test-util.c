/* ui-test-util.c: what the UI tests share
 *
 * Compiled into every UI test program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>

#include "gloss-application.h"
#include "gloss-i18n.h"
#include "ui-test-util.h"

/* Runs what is pending, without waiting for more. */
void
ui_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Initialises GTK and libadwaita for a test program and returns the one
 * application its windows belong to, registered (a second could not be:
 * the first is exported on the bus under the app id). Messages are in
 * @language, from the catalogues the build made. */
GtkApplication *
ui_test_init_in_language (int         *argc,
                          char      ***argv,
                          const char  *language)
{
  g_autoptr(GError) error = NULL;
  GtkApplication *app;

  g_setenv ("LANGUAGE", language, TRUE);
  gloss_i18n_init ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  app = GTK_APPLICATION (gloss_application_new ());
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  return app;
}

/* As ui_test_init_in_language(), in English whatever the machine's
 * language, since most tests compare messages. */
GtkApplication *
ui_test_init (int    *argc,
              char ***argv)
{
  return ui_test_init_in_language (argc, argv, "en");
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done says so, failing after 60 seconds (a loaded machine can be slow to start a process). Some
 * conditions are files another process writes: the loop wakes up now and
 * then to look, whether or not anything else happens. */
void
ui_test_wait_until (gboolean (*done) (gpointer),
                    gpointer    data)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

static gboolean
set_true_cb (gpointer data)
{
  *(gboolean *)data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @msec, whatever happens meanwhile. */
void
ui_test_run_for (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, set_true_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Removes @path and all it holds, if it is there. */
void
ui_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      ui_test_remove_tree (child);
    }

  g_remove (path);
}

/* Returns: (transfer none) (nullable): the message dialog shown */
AdwMessageDialog *
ui_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* Answers @dialog as a click on @response would, and closes it. */
void
ui_test_respond (AdwMessageDialog *dialog,
                 const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_iterate ();
}

/* A descendant of @widget by its id in the .ui file it was built from. */
GtkWidget *
ui_test_find_by_id (GtkWidget  *widget,
                    const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)), id) == 0)
        return child;
      if ((found = ui_test_find_by_id (child, id)))
        return found;
    }

  return NULL;
}
