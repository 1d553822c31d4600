/* gloss-color-dot.c: a label's colour beside its name, in lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-color-dot"

#include "config.h"

#include "gloss-color-dot.h"

/**
 * gloss_color_dot_new:
 * @color: a colour as `#rrggbb`
 *
 * The dot is decoration: the name beside it says the same to a screen
 * reader, so the dot is hidden from it.
 *
 * Returns: (transfer floating): a dot of @color
 */
GtkWidget *
gloss_color_dot_new (const char *color)
{
  g_autofree char *markup = NULL;
  GtkWidget *dot;

  g_return_val_if_fail (color != NULL, NULL);

  markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span>", color);
  dot = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (dot), markup);
  gtk_accessible_update_state (GTK_ACCESSIBLE (dot), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  return dot;
}
