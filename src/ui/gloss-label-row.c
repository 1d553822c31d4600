/* gloss-label-row.c: one label in the schema editor
 *
 * An expander row: the label's colour, name, key and the buttons to move
 * or remove it in its header; its name, key, description and names in
 * other languages inside. Every change goes through the corpus history, so
 * it is one undo step and the main window shows it at once. A refused
 * change leaves the label as it was: the field that holds it shows the
 * error style, and the row tells its window through ::failed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-label-row"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-app-keys.h"
#include "gloss-label-row.h"

/* How much of the description the collapsed row shows. */
#define SUBTITLE_CHARS 80

struct _GlossLabelRow
{
  AdwExpanderRow  parent_instance;

  GlossCorpus    *corpus;
  GlossLabel     *label;
  GPtrArray      *locale_rows;   /* AdwEntryRow, one per locale with a name */

  /* Template widgets */
  GtkColorButton *color_button;
  GtkLabel       *key_label;
  GtkWidget      *move_up_button;
  GtkWidget      *move_down_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *key_row;
  AdwEntryRow    *description_row;
  GtkLabel       *id_label;
  GtkWidget      *add_locale_row;
  GtkEntry       *locale_entry;
  GtkEntry       *locale_name_entry;
};

G_DEFINE_FINAL_TYPE (GlossLabelRow, gloss_label_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_CORPUS,
  PROP_LABEL,
  N_PROPS
};

enum {
  FAILED,
  MOVE_REQUESTED,
  REMOVE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Helpers */

static GlossHistory *
get_history (GlossLabelRow *self)
{
  return gloss_corpus_get_history (self->corpus);
}

static void
set_text (GtkEditable *editable,
          const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text != NULL ? text : "") != 0)
    gtk_editable_set_text (editable, text != NULL ? text : "");
}

/* A refused change: @widget, where it was asked for, shows the error
 * style until it is edited again, and the window says why. */
static void
fail (GlossLabelRow *self,
      GtkWidget     *widget,
      const GError  *error)
{
  gtk_widget_add_css_class (widget, "error");
  g_signal_emit (self, signals [FAILED], 0, error);
}

static gboolean
report (GlossLabelRow *self,
        GtkWidget     *widget,
        gboolean       ok,
        const GError  *error)
{
  if (ok)
    gtk_widget_remove_css_class (widget, "error");
  else
    fail (self, widget, error);

  return ok;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static char *
color_to_string (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint)(CLAMP (rgba->red, 0.0, 1.0) * 255.0 + 0.5),
                          (guint)(CLAMP (rgba->green, 0.0, 1.0) * 255.0 + 0.5),
                          (guint)(CLAMP (rgba->blue, 0.0, 1.0) * 255.0 + 0.5));
}

/* Showing the label */

static void
sync_title (GlossLabelRow *self)
{
  const char *description = gloss_label_get_description (self->label);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), gloss_label_get_display_name (self->label, NULL));

  /* The first line of the guideline, shortened, as a reminder. */
  subtitle = g_strndup (description, strcspn (description, "\n"));
  if (g_utf8_strlen (subtitle, -1) > SUBTITLE_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (subtitle, 0, SUBTITLE_CHARS - 1);

      g_free (subtitle);
      subtitle = g_strconcat (cut, "…", NULL);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
sync_color (GlossLabelRow *self)
{
  GdkRGBA rgba;

  if (gdk_rgba_parse (&rgba, gloss_label_get_color (self->label)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
}

static void
sync_key (GlossLabelRow *self)
{
  const char *key = gloss_label_get_key (self->label);

  gtk_label_set_label (self->key_label, key);
  gtk_widget_set_visible (GTK_WIDGET (self->key_label), key != NULL);
  set_text (GTK_EDITABLE (self->key_row), key);
}

static void
on_locale_name_apply_cb (GlossLabelRow *self,
                         AdwEntryRow   *row)
{
  const char *locale = g_object_get_data (G_OBJECT (row), "gloss-locale");
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = gloss_history_set_label_locale_name (get_history (self), self->label, locale,
                                            gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  report (self, GTK_WIDGET (row), ok, error);
}

static void
on_locale_remove_clicked_cb (GlossLabelRow *self,
                             GtkButton     *button)
{
  const char *locale = g_object_get_data (G_OBJECT (button), "gloss-locale");
  g_autoptr(GError) error = NULL;

  if (!gloss_history_set_label_locale_name (get_history (self), self->label, locale, NULL, &error))
    fail (self, GTK_WIDGET (button), error);
}

static GtkWidget *
make_locale_row (GlossLabelRow *self,
                 const char    *locale)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: a row's title; %s is a language code such as "vi" */
  g_autofree char *title = g_strdup_printf (_("Name in %s"), locale);
  /* Translators: a button's tooltip; %s is a language code such as "vi" */
  g_autofree char *tooltip = g_strdup_printf (_("Remove the Name in %s"), locale);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), gloss_label_get_name_for_locale (self->label, locale));
  g_object_set_data_full (G_OBJECT (row), "gloss-locale", g_strdup (locale), g_free);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_locale_name_apply_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, tooltip);
  g_object_set_data_full (G_OBJECT (remove), "gloss-locale", g_strdup (locale), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_locale_remove_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  return row;
}

static gboolean
same_locales (GPtrArray  *rows,
              char      **locales)
{
  if (rows->len != g_strv_length (locales))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (rows, i), "gloss-locale"), locales[i]) != 0)
      return FALSE;

  return TRUE;
}

/* Updated in place when only names changed, so that the row being edited
 * keeps the focus; rebuilt, above the row that adds one, otherwise. */
static void
sync_locales (GlossLabelRow *self)
{
  g_auto(GStrv) locales = gloss_label_dup_locales (self->label);

  if (same_locales (self->locale_rows, locales))
    {
      for (guint i = 0; i < self->locale_rows->len; i++)
        set_text (g_ptr_array_index (self->locale_rows, i),
                  gloss_label_get_name_for_locale (self->label, locales[i]));
      return;
    }

  for (guint i = 0; i < self->locale_rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), g_ptr_array_index (self->locale_rows, i));
  g_ptr_array_set_size (self->locale_rows, 0);

  g_object_ref (self->add_locale_row);
  adw_expander_row_remove (ADW_EXPANDER_ROW (self), self->add_locale_row);

  for (guint i = 0; locales[i] != NULL; i++)
    {
      GtkWidget *row = make_locale_row (self, locales[i]);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      g_ptr_array_add (self->locale_rows, row);
    }

  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->add_locale_row);
  g_object_unref (self->add_locale_row);
}

static void
update_move_actions (GlossLabelRow *self)
{
  GlossSchema *schema = gloss_corpus_get_schema (self->corpus);
  guint n = gloss_schema_get_n_labels (schema);
  guint position;

  if (!gloss_schema_find (schema, self->label, &position))
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "label.move-up", position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "label.move-down", position + 1 < n);
}

/* Callbacks */

static void
on_label_notify_cb (GlossLabelRow *self,
                    GParamSpec    *pspec,
                    GlossLabel    *label)
{
  const char *name = g_param_spec_get_name (pspec);

  /* Only the field that changed: another may hold text being typed. */
  if (g_str_equal (name, "name"))
    set_text (GTK_EDITABLE (self->name_row), gloss_label_get_name (label));
  else if (g_str_equal (name, "color"))
    sync_color (self);
  else if (g_str_equal (name, "key"))
    sync_key (self);
  else if (g_str_equal (name, "description"))
    set_text (GTK_EDITABLE (self->description_row), gloss_label_get_description (label));
  else if (g_str_equal (name, "names"))
    sync_locales (self);

  sync_title (self);
}

static void
on_entry_row_changed_cb (GtkEditable *editable)
{
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
}

static void
on_entry_changed_cb (GtkEditable *editable)
{
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
}

static void
on_color_set_cb (GlossLabelRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  color = color_to_string (&rgba);

  if (!report (self, GTK_WIDGET (self->color_button),
               gloss_history_set_label_color (get_history (self), self->label, color, &error), error))
    sync_color (self);
}

static void
on_name_apply_cb (GlossLabelRow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = gloss_history_set_label_name (get_history (self), self->label,
                                     gtk_editable_get_text (GTK_EDITABLE (self->name_row)), &error);
  /* The name is kept without the spaces around it. */
  if (report (self, GTK_WIDGET (self->name_row), ok, error))
    set_text (GTK_EDITABLE (self->name_row), gloss_label_get_name (self->label));
}

static void
on_key_apply_cb (GlossLabelRow *self)
{
  g_autofree char *key = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->key_row)));
  g_autoptr(GError) error = NULL;
  const char *use;

  /* "4 " is 4, but a lone space is Space. */
  if (!is_blank (key))
    g_strstrip (key);

  if (key[0] != '\0' && (use = gloss_app_keys_describe (key)) != NULL)
    g_set_error (&error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_KEY_IN_USE,
                 /* Translators: %s says what the key does, e.g. "Delete removes the span at the cursor" */
                 _("That key is taken: %s"), use);
  else
    gloss_history_set_label_key (get_history (self), self->label, key, &error);

  if (report (self, GTK_WIDGET (self->key_row), error == NULL, error))
    sync_key (self);
}

static void
on_description_apply_cb (GlossLabelRow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = gloss_history_set_label_description (get_history (self), self->label,
                                            gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
                                            &error);
  report (self, GTK_WIDGET (self->description_row), ok, error);
}

static void
add_locale_name (GlossLabelRow *self)
{
  g_autofree char *locale = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->locale_entry))));
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->locale_name_entry));
  g_autoptr(GError) error = NULL;

  if (is_blank (name) && locale[0] != '\0')
    {
      g_set_error_literal (&error, GLOSS_SCHEMA_ERROR, GLOSS_SCHEMA_ERROR_INVALID_NAME,
                           _("Type the label’s name in that language"));
      fail (self, GTK_WIDGET (self->locale_name_entry), error);
      return;
    }

  if (!gloss_history_set_label_locale_name (get_history (self), self->label, locale, name, &error))
    {
      fail (self, GTK_WIDGET (self->locale_entry), error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->locale_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->locale_name_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->locale_entry));
}

static void
on_add_locale_activate_cb (GlossLabelRow *self)
{
  add_locale_name (self);
}

/* Actions */

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  g_signal_emit (widget, signals [MOVE_REQUESTED], 0, -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  g_signal_emit (widget, signals [MOVE_REQUESTED], 0, 1);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_signal_emit (widget, signals [REMOVE_REQUESTED], 0);
}

static void
add_name_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  add_locale_name (GLOSS_LABEL_ROW (widget));
}

/* Overrides */

static void
gloss_label_row_constructed (GObject *object)
{
  GlossLabelRow *self = (GlossLabelRow *)object;

  G_OBJECT_CLASS (gloss_label_row_parent_class)->constructed (object);

  g_assert (GLOSS_IS_CORPUS (self->corpus));
  g_assert (GLOSS_IS_LABEL (self->label));

  gtk_label_set_label (self->id_label, gloss_label_get_id (self->label));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), gloss_label_get_name (self->label));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), gloss_label_get_description (self->label));
  sync_color (self);
  sync_key (self);
  sync_locales (self);
  sync_title (self);
  update_move_actions (self);

  g_signal_connect_object (self->label, "notify", G_CALLBACK (on_label_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gloss_corpus_get_schema (self->corpus), "items-changed",
                           G_CALLBACK (update_move_actions), self, G_CONNECT_SWAPPED);
}

static void
gloss_label_row_dispose (GObject *object)
{
  GlossLabelRow *self = (GlossLabelRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_LABEL_ROW);

  g_clear_pointer (&self->locale_rows, g_ptr_array_unref);
  g_clear_object (&self->label);
  g_clear_object (&self->corpus);

  G_OBJECT_CLASS (gloss_label_row_parent_class)->dispose (object);
}

static void
gloss_label_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GlossLabelRow *self = GLOSS_LABEL_ROW (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;

    case PROP_LABEL:
      g_value_set_object (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_label_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GlossLabelRow *self = GLOSS_LABEL_ROW (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      self->corpus = g_value_dup_object (value);
      break;

    case PROP_LABEL:
      self->label = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_label_row_class_init (GlossLabelRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gloss_label_row_constructed;
  object_class->dispose = gloss_label_row_dispose;
  object_class->get_property = gloss_label_row_get_property;
  object_class->set_property = gloss_label_row_set_property;

  properties [PROP_CORPUS] =
    g_param_spec_object ("corpus", NULL, NULL, GLOSS_TYPE_CORPUS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_LABEL] =
    g_param_spec_object ("label", NULL, NULL, GLOSS_TYPE_LABEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GlossLabelRow::failed:
   * @error: why a change was refused
   */
  signals [FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /**
   * GlossLabelRow::move-requested:
   * @delta: -1 to move the label up, 1 down
   *
   * The row is remade when the label moves, so its window moves it.
   */
  signals [MOVE_REQUESTED] =
    g_signal_new ("move-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * GlossLabelRow::remove-requested:
   *
   * For the window to ask first, if the label has spans.
   */
  signals [REMOVE_REQUESTED] =
    g_signal_new ("remove-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-label-row.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossLabelRow, color_button);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelRow, key_label);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelRow, move_up_button);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelRow, move_down_button);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelRow, key_row);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelRow, description_row);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelRow, id_label);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelRow, add_locale_row);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelRow, locale_entry);
  gtk_widget_class_bind_template_child (widget_class, GlossLabelRow, locale_name_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_color_set_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_key_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_description_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_locale_activate_cb);

  gtk_widget_class_install_action (widget_class, "label.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "label.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "label.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "label.add-name", NULL, add_name_action);
}

static void
gloss_label_row_init (GlossLabelRow *self)
{
  self->locale_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gloss_label_row_new:
 * @corpus: the corpus whose schema holds @label
 *
 * Returns: (transfer floating): a row editing @label
 */
GtkWidget *
gloss_label_row_new (GlossCorpus *corpus,
                     GlossLabel  *label)
{
  g_return_val_if_fail (GLOSS_IS_CORPUS (corpus), NULL);
  g_return_val_if_fail (GLOSS_IS_LABEL (label), NULL);

  return g_object_new (GLOSS_TYPE_LABEL_ROW, "corpus", corpus, "label", label, NULL);
}

/**
 * gloss_label_row_get_label:
 *
 * Returns: (transfer none): the label edited
 */
GlossLabel *
gloss_label_row_get_label (GlossLabelRow *self)
{
  g_return_val_if_fail (GLOSS_IS_LABEL_ROW (self), NULL);

  return self->label;
}

/**
 * gloss_label_row_focus_move:
 * @delta: -1 for the Move Up button, 1 for Move Down
 *
 * Gives the focus back to the button that moved the label, in the row
 * made for it at its new place; to the other one at either end.
 */
void
gloss_label_row_focus_move (GlossLabelRow *self,
                            int            delta)
{
  GtkWidget *wanted;
  GtkWidget *other;

  g_return_if_fail (GLOSS_IS_LABEL_ROW (self));

  wanted = delta < 0 ? self->move_up_button : self->move_down_button;
  other = delta < 0 ? self->move_down_button : self->move_up_button;

  if (gtk_widget_is_sensitive (wanted))
    gtk_widget_grab_focus (wanted);
  else
    gtk_widget_grab_focus (other);
}
