/* gloss-label.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-label"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "gloss-label.h"

struct _GlossLabel
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *color;
  char       *key;
  char       *description;
  /* locale (e.g. "vi", "pt_BR") → display name */
  GHashTable *names;
};

G_DEFINE_FINAL_TYPE (GlossLabel, gloss_label, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  PROP_KEY,
  PROP_DESCRIPTION,
  PROP_NAMES,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

static void
gloss_label_finalize (GObject *object)
{
  GlossLabel *self = (GlossLabel *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->names, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_label_parent_class)->finalize (object);
}

static void
gloss_label_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  GlossLabel *self = GLOSS_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_NAMES:
      g_value_take_boxed (value, gloss_label_dup_locales (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_label_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  GlossLabel *self = GLOSS_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      gloss_label_set_name (self, g_value_get_string (value));
      break;

    case PROP_COLOR:
      gloss_label_set_color (self, g_value_get_string (value));
      break;

    case PROP_KEY:
      gloss_label_set_key (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      gloss_label_set_description (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_label_class_init (GlossLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gloss_label_finalize;
  object_class->get_property = gloss_label_get_property;
  object_class->set_property = gloss_label_set_property;

  /**
   * GlossLabel:id:
   *
   * The stable identifier written by every export. ASCII only, never
   * translated, never changed once the label exists.
   */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, "#3584e4",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GlossLabel:names:
   *
   * The locales that have a display name of their own, sorted. Notified
   * whenever a per-locale name is added, changed or removed.
   */
  properties [PROP_NAMES] =
    g_param_spec_boxed ("names", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gloss_label_init (GlossLabel *self)
{
  self->color = g_strdup ("#3584e4");
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * gloss_label_new:
 * @id: the stable identifier (see gloss_label_id_is_valid())
 * @name: (nullable): the display name, or %NULL to use @id
 * @color: (nullable): a `#rrggbb` colour
 * @key: (nullable): the keyboard key that applies the label
 * @description: (nullable): a one-line annotation guideline
 *
 * Returns: (transfer full): a new #GlossLabel
 */
GlossLabel *
gloss_label_new (const char *id,
                 const char *name,
                 const char *color,
                 const char *key,
                 const char *description)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (GLOSS_TYPE_LABEL,
                       "id", id,
                       "name", name != NULL ? name : id,
                       "color", color != NULL ? color : "#3584e4",
                       "key", key,
                       "description", description,
                       NULL);
}

const char *
gloss_label_get_id (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  return self->id;
}

const char *
gloss_label_get_name (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  return self->name;
}

void
gloss_label_set_name (GlossLabel *self,
                      const char *name)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAME]);
}

const char *
gloss_label_get_color (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  return self->color;
}

void
gloss_label_set_color (GlossLabel *self,
                       const char *color)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));
  g_return_if_fail (color == NULL || gloss_label_color_is_valid (color));

  if (color == NULL)
    color = "#3584e4";

  if (set_string (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_COLOR]);
}

/**
 * gloss_label_get_key:
 *
 * Returns: (nullable): the key, a string of one character, or %NULL
 */
const char *
gloss_label_get_key (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  return self->key;
}

void
gloss_label_set_key (GlossLabel *self,
                     const char *key)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));

  if (key != NULL && key[0] == '\0')
    key = NULL;

  g_return_if_fail (key == NULL || gloss_label_key_is_valid (key));

  if (set_string (&self->key, key))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KEY]);
}

const char *
gloss_label_get_description (GlossLabel *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  return self->description != NULL ? self->description : "";
}

void
gloss_label_set_description (GlossLabel *self,
                             const char *description)
{
  g_return_if_fail (GLOSS_IS_LABEL (self));

  if (set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DESCRIPTION]);
}

/**
 * gloss_label_get_name_for_locale:
 * @locale: a locale name such as `vi` or `pt_BR`
 *
 * Returns: (nullable): the name stored for exactly @locale, or %NULL
 */
const char *
gloss_label_get_name_for_locale (GlossLabel *self,
                                 const char *locale)
{
  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);
  g_return_val_if_fail (locale != NULL, NULL);

  return g_hash_table_lookup (self->names, locale);
}

/**
 * gloss_label_set_name_for_locale:
 * @locale: a locale name such as `vi` or `pt_BR`
 * @name: (nullable): the display name in that locale, or %NULL to remove it
 */
void
gloss_label_set_name_for_locale (GlossLabel *self,
                                 const char *locale,
                                 const char *name)
{
  const char *old;

  g_return_if_fail (GLOSS_IS_LABEL (self));
  g_return_if_fail (locale != NULL && locale[0] != '\0');

  if (name != NULL && name[0] == '\0')
    name = NULL;

  old = g_hash_table_lookup (self->names, locale);
  if (g_strcmp0 (old, name) == 0)
    return;

  if (name == NULL)
    g_hash_table_remove (self->names, locale);
  else
    g_hash_table_insert (self->names, g_strdup (locale), g_strdup (name));

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NAMES]);
}

/**
 * gloss_label_dup_locales:
 *
 * Returns: (transfer full): the locales with a name of their own, sorted
 */
char **
gloss_label_dup_locales (GlossLabel *self)
{
  g_autofree const char **keys = NULL;
  guint n_keys = 0;
  char **ret;

  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  keys = (const char **)g_hash_table_get_keys_as_array (self->names, &n_keys);
  ret = g_new0 (char *, n_keys + 1);
  for (guint i = 0; i < n_keys; i++)
    ret[i] = g_strdup (keys[i]);
  qsort (ret, n_keys, sizeof (char *), compare_strings);

  return ret;
}

/**
 * gloss_label_get_display_name:
 * @locale: (nullable): a locale such as `vi_VN.UTF-8`, or %NULL for the
 *   current message locale
 *
 * Looks for a name for @locale, then for its language alone (`pt_BR` →
 * `pt`), and falls back to #GlossLabel:name.
 *
 * Returns: the name to show
 */
/**
 * gloss_label_get_display_description:
 *
 * The description in the user's language where it is one Gloss ships (those
 * of the default labels), and as written otherwise.
 */
const char *
gloss_label_get_display_description (GlossLabel *self)
{
  const char *description;

  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  description = gloss_label_get_description (self);
  if (description == NULL || description[0] == '\0')
    return description;

  return g_dpgettext2 (GETTEXT_PACKAGE, "label description", description);
}

const char *
gloss_label_get_display_name (GlossLabel *self,
                              const char *locale)
{
  g_auto(GStrv) variants = NULL;
  const char *found;

  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  if (locale == NULL)
    {
      const char * const *langs = g_get_language_names ();

      for (guint i = 0; langs[i] != NULL; i++)
        if ((found = g_hash_table_lookup (self->names, langs[i])))
          return found;

      return self->name;
    }

  /* pt_BR.UTF-8@x, pt_BR@x, pt_BR.UTF-8, pt_BR, pt@x, pt: most specific first */
  variants = g_get_locale_variants (locale);
  for (guint i = 0; variants[i] != NULL; i++)
    if ((found = g_hash_table_lookup (self->names, variants[i])))
      return found;

  return self->name;
}

/**
 * gloss_label_id_is_valid:
 *
 * An id is 1 to 64 ASCII letters, digits, `_`, `-`, `.` or `:`, so that
 * every export format (CoNLL tags, brat types) can carry it unchanged.
 */
gboolean
gloss_label_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;

  len = strlen (id);
  if (len == 0 || len > 64)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (id[i]) && strchr ("_-.:", id[i]) == NULL)
      return FALSE;

  return TRUE;
}

/**
 * gloss_label_color_is_valid:
 *
 * Returns: whether @color is of the form `#rrggbb`
 */
gboolean
gloss_label_color_is_valid (const char *color)
{
  if (color == NULL || color[0] != '#' || strlen (color) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}

/**
 * gloss_label_key_is_valid:
 *
 * Returns: whether @key is exactly one printable character: not a space,
 *   and not a combining mark, which cannot be typed or shown alone
 */
gboolean
gloss_label_key_is_valid (const char *key)
{
  gunichar ch;

  if (key == NULL || key[0] == '\0' || !g_utf8_validate (key, -1, NULL))
    return FALSE;

  ch = g_utf8_get_char (key);
  if (*g_utf8_next_char (key) != '\0')
    return FALSE;

  return g_unichar_isgraph (ch) && !g_unichar_ismark (ch);
}

/**
 * gloss_label_locale_is_valid:
 *
 * A locale for a display name is what gettext calls one: a language code,
 * then optionally a territory, a codeset and a modifier (`vi`, `pt_BR`,
 * `sr@latin`, `zh_Hant_TW`): 1 to 32 ASCII letters, digits, `_`, `-`, `.`
 * or `@`, starting with a letter.
 *
 * Returns: whether @locale looks like one
 */
gboolean
gloss_label_locale_is_valid (const char *locale)
{
  gsize len;

  if (locale == NULL || !g_ascii_isalpha (locale[0]))
    return FALSE;

  len = strlen (locale);
  if (len > 32)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalnum (locale[i]) && strchr ("_-.@", locale[i]) == NULL)
      return FALSE;

  return TRUE;
}

/**
 * gloss_label_copy:
 *
 * Returns: (transfer full): a new label with the same id, names, colour,
 *   key and description
 */
GlossLabel *
gloss_label_copy (GlossLabel *self)
{
  GlossLabel *copy;
  GHashTableIter iter;
  gpointer locale;
  gpointer name;

  g_return_val_if_fail (GLOSS_IS_LABEL (self), NULL);

  copy = gloss_label_new (self->id, self->name, self->color, self->key, self->description);
  g_hash_table_iter_init (&iter, self->names);
  while (g_hash_table_iter_next (&iter, &locale, &name))
    g_hash_table_insert (copy->names, g_strdup (locale), g_strdup (name));

  return copy;
}
