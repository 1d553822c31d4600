/* gloss-i18n.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n-lib.h>

#include "gloss-i18n.h"

static gboolean
is_empty (const char *value)
{
  return value == NULL || value[0] == '\0';
}

static gboolean
locale_chosen (void)
{
  return !is_empty (g_getenv ("LC_ALL")) ||
         !is_empty (g_getenv ("LC_MESSAGES")) ||
         !is_empty (g_getenv ("LANG"));
}

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

  /* gettext ignores LANGUAGE under the C locale, which is what a machine
   * with no locale settings at all (a bare container, a CI runner) has. A
   * LANGUAGE given there is the only wish expressed, so honour it with the
   * C locale's UTF-8 twin; an explicit LANG=C still means untranslated.
   * LANG is set too, since GTK sets the locale from the environment again. */
  if (!locale_chosen () && !is_empty (g_getenv ("LANGUAGE")))
    {
      g_setenv ("LANG", "C.UTF-8", TRUE);
      setlocale (LC_ALL, "");
    }

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return localedir;
}
