/* gloss-app-keys.c: the keys Gloss uses without a modifier
 *
 * A label's key is pressed alone, so it must not be one the application
 * already answers without Ctrl or Alt. The table lists them, with what they
 * do, for the schema editor to say why a key is refused. It mirrors
 * gloss_document_view_handle_key(), the bindings of gloss_window_class_init()
 * and the keys GTK itself gives to text views, lists and menus; a test
 * checks it against the window's shortcuts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-app-keys"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-app-keys.h"

typedef struct
{
  guint       keyval;
  const char *use;
} AppKey;

static const AppKey app_keys[] = {
  /* The document view */
  { GDK_KEY_Delete, N_("Delete removes the span at the cursor") },
  { GDK_KEY_KP_Delete, N_("Delete removes the span at the cursor") },
  { GDK_KEY_Return, N_("Enter opens the span at the cursor") },
  { GDK_KEY_KP_Enter, N_("Enter opens the span at the cursor") },
  { GDK_KEY_ISO_Enter, N_("Enter opens the span at the cursor") },
  { GDK_KEY_Menu, N_("The Menu key opens the span at the cursor") },

  /* The window */
  { GDK_KEY_F9, N_("F9 shows and hides the side panel") },
  { GDK_KEY_F8, N_("F8 goes to the next disagreement while comparing") },

  /* GTK */
  { GDK_KEY_space, N_("Space activates buttons and list rows") },
  { GDK_KEY_KP_Space, N_("Space activates buttons and list rows") },
  { GDK_KEY_Tab, N_("Tab moves the keyboard focus") },
  { GDK_KEY_ISO_Left_Tab, N_("Tab moves the keyboard focus") },
  { GDK_KEY_KP_Tab, N_("Tab moves the keyboard focus") },
  { GDK_KEY_Escape, N_("Escape closes popovers and dialogs") },
  { GDK_KEY_F7, N_("F7 turns the text cursor on and off") },
  { GDK_KEY_F10, N_("F10 opens the main menu") },
  { GDK_KEY_Left, N_("The arrow keys move the cursor") },
  { GDK_KEY_Right, N_("The arrow keys move the cursor") },
  { GDK_KEY_Up, N_("The arrow keys move the cursor") },
  { GDK_KEY_Down, N_("The arrow keys move the cursor") },
  { GDK_KEY_KP_Left, N_("The arrow keys move the cursor") },
  { GDK_KEY_KP_Right, N_("The arrow keys move the cursor") },
  { GDK_KEY_KP_Up, N_("The arrow keys move the cursor") },
  { GDK_KEY_KP_Down, N_("The arrow keys move the cursor") },
  { GDK_KEY_Home, N_("Home and End move the cursor to the start or end of a line") },
  { GDK_KEY_End, N_("Home and End move the cursor to the start or end of a line") },
  { GDK_KEY_KP_Home, N_("Home and End move the cursor to the start or end of a line") },
  { GDK_KEY_KP_End, N_("Home and End move the cursor to the start or end of a line") },
  { GDK_KEY_Page_Up, N_("Page Up and Page Down scroll the text") },
  { GDK_KEY_Page_Down, N_("Page Up and Page Down scroll the text") },
  { GDK_KEY_KP_Page_Up, N_("Page Up and Page Down scroll the text") },
  { GDK_KEY_KP_Page_Down, N_("Page Up and Page Down scroll the text") },
};

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *folded_a = g_utf8_casefold (a, -1);
  g_autofree char *folded_b = g_utf8_casefold (b, -1);

  return g_str_equal (folded_a, folded_b);
}

/**
 * gloss_app_keys_describe_keyval:
 * @keyval: a key, pressed without modifiers
 *
 * Returns: (nullable): what the application does with @keyval, translated,
 *   or %NULL if it leaves the key free for a label
 */
const char *
gloss_app_keys_describe_keyval (guint keyval)
{
  for (guint i = 0; i < G_N_ELEMENTS (app_keys); i++)
    if (app_keys[i].keyval == keyval)
      return _(app_keys[i].use);

  return NULL;
}

/**
 * gloss_app_keys_describe:
 * @key: a key as typed in the schema editor: one character, or the name
 *   of a key such as `Delete`, `Enter` or `F9` (in any case, as GDK or
 *   the shortcuts window spells it)
 *
 * Returns: (nullable): what the application does with @key, translated,
 *   or %NULL if it leaves it free (it may still be no valid key)
 */
const char *
gloss_app_keys_describe (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  if (!g_utf8_validate (key, -1, NULL))
    return NULL;

  if (key[0] != '\0' && *g_utf8_next_char (key) == '\0')
    return gloss_app_keys_describe_keyval (gdk_unicode_to_keyval (g_utf8_get_char (key)));

  for (guint i = 0; i < G_N_ELEMENTS (app_keys); i++)
    {
      g_autofree char *label = gtk_accelerator_get_label (app_keys[i].keyval, 0);

      if (g_ascii_strcasecmp (key, gdk_keyval_name (app_keys[i].keyval)) == 0 ||
          same_name (key, label))
        return _(app_keys[i].use);
    }

  /* The names people use that GDK spells otherwise. */
  if (g_ascii_strcasecmp (key, "Enter") == 0)
    return gloss_app_keys_describe_keyval (GDK_KEY_Return);
  if (g_ascii_strcasecmp (key, "Esc") == 0)
    return gloss_app_keys_describe_keyval (GDK_KEY_Escape);
  if (g_ascii_strcasecmp (key, "Del") == 0)
    return gloss_app_keys_describe_keyval (GDK_KEY_Delete);

  return NULL;
}
