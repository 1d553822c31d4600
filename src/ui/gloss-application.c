/* gloss-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-application"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-application.h"
#include "gloss-preferences-window.h"
#include "gloss-window.h"

struct _GlossApplication
{
  AdwApplication parent_instance;

  gboolean       open_sample;
};

G_DEFINE_FINAL_TYPE (GlossApplication, gloss_application, ADW_TYPE_APPLICATION)

static GlossWindow *
get_window (GlossApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (GLOSS_IS_WINDOW (window))
    return GLOSS_WINDOW (window);

  return gloss_window_new (GTK_APPLICATION (self));
}

static void
gloss_application_activate (GApplication *app)
{
  GlossApplication *self = GLOSS_APPLICATION (app);
  GlossWindow *window = get_window (self);

  gtk_window_present (GTK_WINDOW (window));

  if (self->open_sample)
    {
      self->open_sample = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (window), "win.open-sample", NULL);
    }
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
gloss_application_class_init (GlossApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

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
