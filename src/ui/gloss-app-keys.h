/* gloss-app-keys.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

const char *gloss_app_keys_describe_keyval (guint       keyval);
const char *gloss_app_keys_describe        (const char *key);

G_END_DECLS
