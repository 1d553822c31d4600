/* gloss-i18n.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "gloss-i18n.h"

/**
 * gloss_i18n_init:
 *
 * Takes the locale from the environment and binds Gloss's text domain, first
 * thing in main(). `GLOSS_LOCALEDIR` points at another tree of translations:
 * the build directory's `po/`, where a development build and the tests find
 * the catalogues they compiled without installing them.
 *
 * Returns: the directory the catalogues are read from
 */
const char *
gloss_i18n_init (void)
{
  const char *localedir = g_getenv ("GLOSS_LOCALEDIR");

  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return localedir;
}
