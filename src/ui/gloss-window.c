/* gloss-window.c: PLACEHOLDER
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-window.h"

struct _GlossWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (GlossWindow, gloss_window, ADW_TYPE_APPLICATION_WINDOW)

static void
gloss_window_class_init (GlossWindowClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass), "/io/github/glossapp/Gloss/gloss-window.ui");
}

static void
gloss_window_init (GlossWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GlossWindow *
gloss_window_new (GtkApplication *application)
{
  return g_object_new (GLOSS_TYPE_WINDOW, "application", application, NULL);
}
