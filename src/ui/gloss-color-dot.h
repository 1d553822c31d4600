/* gloss-color-dot.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *gloss_color_dot_new (const char *color);

G_END_DECLS
