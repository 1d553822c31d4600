/* gloss-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-application"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss.h"
#include "gloss-application.h"

struct _GlossApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (GlossApplication, gloss_application, ADW_TYPE_APPLICATION)

static void
gloss_application_activate (GApplication *app)
{
  GtkWindow *window;
  GtkWidget *page;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      g_autoptr(GlossCorpus) corpus = gloss_corpus_new ();
      g_autofree char *description = NULL;
      GlossSchema *schema = gloss_corpus_get_schema (corpus);
      g_autoptr(GString) labels = g_string_new (NULL);

      for (guint i = 0; i < gloss_schema_get_n_labels (schema); i++)
        g_string_append_printf (labels, "%s%s", i > 0 ? ", " : "",
                                gloss_label_get_display_name (gloss_schema_get_label (schema, i), NULL));

      /* Translators: %s is the list of default labels */
      description = g_strdup_printf (_("Label spans of text as %s. The document window is on its way; "
                                       "gloss-cli imports, validates and counts corpora today."),
                                     labels->str);

      window = GTK_WINDOW (adw_application_window_new (GTK_APPLICATION (app)));
      gtk_window_set_title (window, _("Gloss"));
      gtk_window_set_default_size (window, 720, 520);

      page = adw_status_page_new ();
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "accessories-text-editor-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Gloss"));
      adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
      adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), page);

      if (DEVELOPMENT_BUILD)
        gtk_widget_add_css_class (GTK_WIDGET (window), "devel");
    }

  gtk_window_present (window);
}

static void
gloss_application_class_init (GlossApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = gloss_application_activate;
}

static void
gloss_application_init (GlossApplication *self)
{
}

GlossApplication *
gloss_application_new (void)
{
  return g_object_new (GLOSS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}
