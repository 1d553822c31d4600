/* gloss-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-application"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-preferences-window.h"
#include "gloss-window.h"

struct _GlossApplication
{
  AdwApplication parent_instance;

  gboolean       open_sample;
  gboolean       recovery_checked;
  GPtrArray     *recoveries;  /* copies left by crashes, still to offer */
};

G_DEFINE_FINAL_TYPE (GlossApplication, gloss_application, ADW_TYPE_APPLICATION)

static void offer_next_recovery (GlossApplication *self);

static GlossWindow *
get_window (GlossApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (GLOSS_IS_WINDOW (window))
    return GLOSS_WINDOW (window);

  return gloss_window_new (GTK_APPLICATION (self));
}

/* Recovery copies */

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  const char *format;

  if (same_day (local, now))
    /* Translators: when a recovery copy was made, in the format of
     * g_date_time_format(); use %l:%M %p for a 12-hour clock
     * xgettext:no-c-format */
    format = _("today at %H:%M");
  else if (same_day (local, yesterday))
    /* Translators: as “today at %H:%M”
     * xgettext:no-c-format */
    format = _("yesterday at %H:%M");
  else
    /* Translators: as “today at %H:%M”, on another day: “3 May 2024 at 14:32”
     * xgettext:no-c-format */
    format = _("%-d %B %Y at %H:%M");

  return g_date_time_format (local, format);
}

static char *
describe_recovery (GlossRecovery *recovery)
{
  guint n_documents = gloss_recovery_get_n_documents (recovery);
  guint n_spans = gloss_recovery_get_n_spans (recovery);
  g_autofree char *when = format_time (gloss_recovery_get_time (recovery));
  g_autofree char *documents = NULL;
  g_autofree char *spans = NULL;
  g_autofree char *body = NULL;
  g_autofree char *place = NULL;
  GFile *file = gloss_recovery_get_file (recovery);

  documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n_documents), n_documents);
  spans = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u span", "%u spans", n_spans), n_spans);
  /* Translators: %1$s is a corpus name, %2$s when the copy was made
   * (“today at 14:32”), %3$s and %4$s say what it holds (“5 documents”,
   * “42 spans”) */
  body = g_strdup_printf (_("Gloss stopped before the changes to “%1$s” were saved. "
                            "A copy made %2$s holds them: %3$s, %4$s."),
                          gloss_recovery_get_name (recovery), when, documents, spans);

  if (file == NULL)
    return g_steal_pointer (&body);

  /* Which file it belongs to tells two corpora of one name apart. */
  place = g_file_get_parse_name (file);
  if (g_str_has_prefix (place, g_get_home_dir ()) && place[strlen (g_get_home_dir ())] == G_DIR_SEPARATOR)
    {
      g_autofree char *shorter = g_strconcat ("~", place + strlen (g_get_home_dir ()), NULL);

      g_free (place);
      place = g_steal_pointer (&shorter);
    }

  return g_strdup_printf ("%s\n\n%s", body, place);
}

static GlossWindow *
window_for_restore (GlossApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  GlossWindow *window;

  if (GLOSS_IS_WINDOW (active) && gloss_window_get_corpus (GLOSS_WINDOW (active)) == NULL)
    return GLOSS_WINDOW (active);

  window = gloss_window_new (GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
on_recovery_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         GlossApplication *self)
{
  GlossRecovery *recovery = g_object_get_data (G_OBJECT (dialog), "gloss-recovery");
  g_autoptr(GError) error = NULL;

  /* Closed without an answer: the copy waits for the next start. */
  if (g_str_equal (response, "restore"))
    gloss_window_restore_async (window_for_restore (self), recovery, NULL, NULL);
  else if (g_str_equal (response, "discard") &&
           !gloss_recovery_remove (gloss_recovery_get_id (recovery), &error))
    g_warning ("%s", error->message);

  offer_next_recovery (self);
}

static void
on_damaged_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        GlossApplication *self)
{
  offer_next_recovery (self);
}

/* A copy that cannot be read is never loaded nor deleted: the user is told
 * why, and where it is kept. */
static void
report_damaged (GlossApplication *self,
                GlossRecovery    *recovery)
{
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %1$s is what is wrong with the copy, %2$s the file it is
   * kept in */
  body = g_strdup_printf (_("Gloss found a copy of unsaved work that it cannot read: %1$s.\n\n"
                            "The copy was kept as “%2$s”."),
                          gloss_recovery_get_problem (recovery), gloss_recovery_get_path (recovery));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                                       _("Unsaved Work Cannot Be Restored"), body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_damaged_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
offer_next_recovery (GlossApplication *self)
{
  GlossRecovery *recovery;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->recoveries == NULL || self->recoveries->len == 0)
    return;

  recovery = g_ptr_array_steal_index (self->recoveries, 0);
  if (gloss_recovery_get_problem (recovery) != NULL)
    {
      report_damaged (self, recovery);
      gloss_recovery_unref (recovery);
      return;
    }

  body = describe_recovery (recovery);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                                       _("Restore Unsaved Work?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  g_object_set_data_full (G_OBJECT (dialog), "gloss-recovery", recovery, (GDestroyNotify)gloss_recovery_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recovery_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Once a run, at its start: what crashed runs left unsaved. */
static void
offer_recovery (GlossApplication *self)
{
  g_autoptr(GPtrArray) damaged = NULL;

  if (self->recovery_checked)
    return;

  self->recovery_checked = TRUE;
  damaged = gloss_recovery_set_aside_damaged ();
  self->recoveries = gloss_recovery_list (GLOSS_RECOVERY_ORPHANED);
  g_ptr_array_extend_and_steal (self->recoveries, g_steal_pointer (&damaged));
  offer_next_recovery (self);
}

/* Benchmarks */

static void
on_first_frame_cb (GdkFrameClock *clock,
                   GApplication  *application)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_cb, application);
  printf ("gloss-bench: first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_application_quit (application);
}

/* Application */

static void
gloss_application_activate (GApplication *app)
{
  GlossApplication *self = GLOSS_APPLICATION (app);
  GlossWindow *window = get_window (self);

  gtk_window_present (GTK_WINDOW (window));
  if (g_getenv ("GLOSS_BENCH_FIRST_FRAME") != NULL)
    gloss_application_quit_on_first_frame (app, GTK_WINDOW (window));

  if (self->open_sample)
    {
      self->open_sample = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL);
    }

  offer_recovery (self);
}

static int
gloss_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  if (g_variant_dict_contains (options, "sample"))
    GLOSS_APPLICATION (app)->open_sample = TRUE;

  return -1;
}

static void
gloss_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  GlossWindow *window = get_window (GLOSS_APPLICATION (app));

  gloss_window_open_files (window, files, n_files);

  gtk_window_present (GTK_WINDOW (window));
  offer_recovery (GLOSS_APPLICATION (app));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  static const char *developers[] = { "The Gloss developers", NULL };
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Gloss"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Gloss developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Label spans of text in a corpus of articles, and export them as training data."),
                        "website", "https://github.com/glossapp/gloss",
                        "issue-url", "https://github.com/glossapp/gloss/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* One preferences window, over the window it edits the corpus of. It is
 * not one of the application's windows, which are all GlossWindows. */
static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (app);
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *preferences;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GLOSS_IS_PREFERENCES_WINDOW (window))
        {
          gtk_window_present (window);
          return;
        }
    }

  preferences = gloss_preferences_window_new ();
  if (GLOSS_IS_WINDOW (parent))
    {
      gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
      g_object_bind_property (parent, "corpus", preferences, "corpus", G_BINDING_SYNC_CREATE);
      g_object_bind_property (parent, "busy", preferences, "locked", G_BINDING_SYNC_CREATE);
    }

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Closing asks each window about unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static void
gloss_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *help_accels[] = { "<Control>question", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (gloss_application_parent_class)->startup (app);

  /* X11 window managers and the About window take the icon by name; it is
   * installed, and bundled in the resources for an uninstalled build. */
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
}

static void
gloss_application_finalize (GObject *object)
{
  GlossApplication *self = (GlossApplication *)object;

  g_clear_pointer (&self->recoveries, g_ptr_array_unref);

  G_OBJECT_CLASS (gloss_application_parent_class)->finalize (object);
}

static void
gloss_application_class_init (GlossApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = gloss_application_finalize;

  app_class->activate = gloss_application_activate;
  app_class->open = gloss_application_open;
  app_class->startup = gloss_application_startup;
  app_class->handle_local_options = gloss_application_handle_local_options;
}

static void
gloss_application_init (GlossApplication *self)
{
  static const GOptionEntry entries[] = {
    { "sample", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open the sample corpus"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  /* Translators: what `gloss --help` says it takes after the options */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
}

GlossApplication *
gloss_application_new (void)
{
  /* The same resources for the .Devel build: style.css and the shortcuts
   * window are found by this path, not by the application id. */
  return g_object_new (GLOSS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/glossapp/Gloss",
                       NULL);
}

/**
 * gloss_application_quit_on_first_frame:
 * @window: a window of @application, presented
 *
 * Prints when the first frame of @window is painted, on the monotonic
 * clock, then quits @application. With GLOSS_BENCH_FIRST_FRAME set, Gloss
 * does this for its first window: build-aux/bench/run-bench.py times a
 * cold start of the real binary so, from exec to a frame on screen.
 */
void
gloss_application_quit_on_first_frame (GApplication *application,
                                       GtkWindow    *window)
{
  GdkFrameClock *clock;

  g_return_if_fail (G_IS_APPLICATION (application));
  g_return_if_fail (GTK_IS_WINDOW (window));

  if ((clock = gtk_widget_get_frame_clock (GTK_WIDGET (window))) != NULL)
    g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_first_frame_cb), application, 0);
}
