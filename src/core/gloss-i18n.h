/* gloss-i18n.h: setting up gettext for the app and the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *gloss_i18n_init (void);

G_END_DECLS
