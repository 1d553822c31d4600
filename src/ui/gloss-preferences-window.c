/* gloss-preferences-window.c: the settings, and the schema editor
 *
 * The General page binds GSettings keys. The Labels page edits the schema
 * of the corpus the main window shows: one GlossLabelRow per label, made
 * from the schema (a GListModel) so that adding, removing, moving and
 * undoing in the main window all show here at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gloss-document-view.h"
#include "gloss-label-row.h"
#include "gloss-preferences-window.h"

/* Below this the text is unreadable: stepping down from it means Default. */
#define MIN_FONT_SIZE 6

/* The document view's default size is this much the interface font's
 * (.documentview in style.css). */
#define DOCUMENT_FONT_SCALE 1.2

struct _GlossPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GlossCorpus          *corpus;
  GHashTable           *expanded;      /* GlossLabel whose row is open */
  int                   font_size;     /* the size shown, before a step */
  gboolean              locked;

  /* Template widgets */
  AdwEntryRow          *annotator_row;
  GtkSwitch            *snap_switch;
  GtkSpinButton        *font_size_spin;
  AdwPreferencesGroup  *no_corpus_group;
  AdwPreferencesGroup  *labels_group;
  GtkListBox           *labels_list;
  GtkWidget            *add_label_button;
};

G_DEFINE_FINAL_TYPE (GlossPreferencesWindow, gloss_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CORPUS,
  PROP_LOCKED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Helpers */

static void
show_toast (GlossPreferencesWindow *self,
            const char             *message)
{
  /* A toast's title is markup; messages quote names users typed. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

static GlossHistory *
get_history (GlossPreferencesWindow *self)
{
  return gloss_corpus_get_history (self->corpus);
}

static GlossLabelRow *
get_row (GlossPreferencesWindow *self,
         guint                   position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->labels_list, position);

  return GLOSS_IS_LABEL_ROW (row) ? GLOSS_LABEL_ROW (row) : NULL;
}

static int
default_font_size (GlossPreferencesWindow *self)
{
  g_autofree char *font_name = NULL;
  PangoFontDescription *font;
  double points = 11;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-font-name", &font_name, NULL);
  font = pango_font_description_from_string (font_name != NULL ? font_name : "");
  if (pango_font_description_get_size (font) > 0 && !pango_font_description_get_size_is_absolute (font))
    points = (double)pango_font_description_get_size (font) / PANGO_SCALE;
  pango_font_description_free (font);

  return (int)(points * DOCUMENT_FONT_SCALE + 0.5);
}

static void
update_labels_page (GlossPreferencesWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->no_corpus_group), self->corpus == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->labels_group), self->corpus != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->labels_group), !self->locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "labels.add", self->corpus != NULL && !self->locked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "labels.undo", self->corpus != NULL && !self->locked);

  adw_preferences_group_set_description (self->labels_group,
                                         self->locked
                                         ? _("An import or export is reading the corpus: the labels can be changed once it is done.")
                                         : _("In the order of the side panel. Every change can be undone in the main window."));
}

/* Label rows */

static void
on_row_failed_cb (GlossPreferencesWindow *self,
                  const GError           *error,
                  GlossLabelRow          *row)
{
  show_toast (self, error->message);
}

static void
on_row_expanded_cb (GlossPreferencesWindow *self,
                    GParamSpec             *pspec,
                    GlossLabelRow          *row)
{
  GlossLabel *label = gloss_label_row_get_label (row);

  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    g_hash_table_add (self->expanded, g_object_ref (label));
  else
    g_hash_table_remove (self->expanded, label);
}

static void
on_row_move_requested_cb (GlossPreferencesWindow *self,
                          int                     delta,
                          GlossLabelRow          *row)
{
  GlossLabel *label = gloss_label_row_get_label (row);
  g_autoptr(GError) error = NULL;
  GlossLabelRow *moved;
  guint position;

  if (!gloss_schema_find (gloss_corpus_get_schema (self->corpus), label, &position) ||
      (delta < 0 && position == 0))
    return;

  if (!gloss_history_move_label (get_history (self), label, position + delta, &error))
    {
      show_toast (self, error->message);
      return;
    }

  /* The rows were made anew: the focus goes back where it was. */
  if ((moved = get_row (self, position + delta)) != NULL)
    gloss_label_row_focus_move (moved, delta);
}

static void
remove_label_now (GlossPreferencesWindow *self,
                  GlossLabel             *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!gloss_history_remove_label (get_history (self), label, &error))
    {
      show_toast (self, error->message);
      return;
    }

  /* Translators: %s is the name of a label */
  title = g_markup_printf_escaped (_("Label “%s” removed"), gloss_label_get_display_name (label, NULL));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "labels.undo");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
on_remove_response_cb (AdwMessageDialog       *dialog,
                       const char             *response,
                       GlossPreferencesWindow *self)
{
  GlossLabel *label = g_object_get_data (G_OBJECT (dialog), "gloss-label");

  if (g_str_equal (response, "remove") && self->corpus != NULL && !self->locked)
    remove_label_now (self, label);
}

static void
on_row_remove_requested_cb (GlossPreferencesWindow *self,
                            GlossLabelRow          *row)
{
  GlossLabel *label = gloss_label_row_get_label (row);
  guint n = gloss_corpus_count_label_spans (self->corpus, gloss_label_get_id (label));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (n == 0)
    {
      remove_label_now (self, label);
      return;
    }

  /* Translators: %s is the name of a label */
  heading = g_strdup_printf (_("Remove “%s”?"), gloss_label_get_display_name (label, NULL));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Its %u span, in the whole corpus, goes with it. Undo brings both back.",
                                       "Its %u spans, in the whole corpus, go with it. Undo brings them all back.",
                                       n),
                          n);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "gloss-label", g_object_ref (label), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_label_row_cb (gpointer item,
                     gpointer user_data)
{
  GlossPreferencesWindow *self = user_data;
  GtkWidget *row = gloss_label_row_new (self->corpus, item);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded, item));
  g_signal_connect_object (row, "failed", G_CALLBACK (on_row_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "move-requested", G_CALLBACK (on_row_move_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove-requested", G_CALLBACK (on_row_remove_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (on_row_expanded_cb), self, G_CONNECT_SWAPPED);

  return row;
}

/* Adding a label */

static void
add_label_named (GlossPreferencesWindow *self,
                 const char             *name)
{
  g_autofree char *clean = g_strstrip (g_strdup (name));
  g_autoptr(GlossLabel) label = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GlossLabelRow *row;
  guint position;

  if (clean[0] == '\0')
    return;

  label = gloss_schema_make_label (gloss_corpus_get_schema (self->corpus), clean);
  /* Open, for its description and names to be filled in. */
  g_hash_table_add (self->expanded, g_object_ref (label));

  if (!gloss_history_add_label (get_history (self), label, G_MAXUINT, &error))
    {
      show_toast (self, error->message);
      return;
    }

  if (gloss_label_get_key (label) != NULL)
    /* Translators: %s is a label's name, then its key */
    message = g_strdup_printf (_("Label “%s” added, on the key %s"), clean, gloss_label_get_key (label));
  else
    /* Translators: %s is a label's name */
    message = g_strdup_printf (_("Label “%s” added, without a key: every key is taken"), clean);
  show_toast (self, message);

  if (gloss_schema_find (gloss_corpus_get_schema (self->corpus), label, &position) &&
      (row = get_row (self, position)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
on_new_label_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", name[0] != '\0');
}

static void
on_new_label_response_cb (AdwMessageDialog       *dialog,
                          const char             *response,
                          GlossPreferencesWindow *self)
{
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  if (g_str_equal (response, "add") && self->corpus != NULL && !self->locked)
    add_label_named (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
add_label_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("New Label"),
                                                       _("Its id, which exports write, is made from this name and never changes; the name itself can.")));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, entry);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "add", FALSE);
  adw_message_dialog_set_default_response (dialog, "add");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_signal_connect (entry, "changed", G_CALLBACK (on_new_label_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_label_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (widget);

  if (self->corpus != NULL && !self->locked)
    gloss_history_undo (get_history (self));
}

/* Font size */

static gboolean
on_font_size_output_cb (GlossPreferencesWindow *self,
                        GtkSpinButton          *spin)
{
  int points = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = NULL;

  /* Translators: the document font size that follows the system's */
  text = points == 0 ? g_strdup (C_("font size", "Default")) : g_strdup_printf ("%d", points);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static int
on_font_size_input_cb (GlossPreferencesWindow *self,
                       double                 *value,
                       GtkSpinButton          *spin)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  double parsed;

  if (g_utf8_collate (text, C_("font size", "Default")) == 0 || text[0] == '\0')
    {
      *value = 0;
      return TRUE;
    }

  parsed = g_strtod (text, &end);
  if (end == text)
    return GTK_INPUT_ERROR;

  *value = parsed;
  return TRUE;
}

/* Between 0 (Default) and the smallest size, a step goes to the other
 * side: up from Default to the size Default stands for, down to Default. */
static void
on_font_size_changed_cb (GlossPreferencesWindow *self,
                         GtkSpinButton          *spin)
{
  int points = gtk_spin_button_get_value_as_int (spin);

  if (points > 0 && points < MIN_FONT_SIZE)
    {
      points = self->font_size == 0 ? default_font_size (self) : 0;
      gtk_spin_button_set_value (spin, points);
      return;
    }

  self->font_size = points;
  if (g_settings_get_int (self->settings, "document-font-size") != points)
    g_settings_set_int (self->settings, "document-font-size", points);
}

static void
on_font_size_setting_cb (GlossPreferencesWindow *self)
{
  int points = g_settings_get_int (self->settings, "document-font-size");

  self->font_size = points;
  gtk_spin_button_set_value (self->font_size_spin, points);
}

/* Overrides */

static void
gloss_preferences_window_dispose (GObject *object)
{
  GlossPreferencesWindow *self = (GlossPreferencesWindow *)object;

  if (self->labels_list != NULL)
    gtk_list_box_bind_model (self->labels_list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), GLOSS_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->corpus);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (gloss_preferences_window_parent_class)->dispose (object);
}

static void
gloss_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;

    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  GlossPreferencesWindow *self = GLOSS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      gloss_preferences_window_set_corpus (self, g_value_get_object (value));
      break;

    case PROP_LOCKED:
      gloss_preferences_window_set_locked (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gloss_preferences_window_class_init (GlossPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gloss_preferences_window_dispose;
  object_class->get_property = gloss_preferences_window_get_property;
  object_class->set_property = gloss_preferences_window_set_property;

  /**
   * GlossPreferencesWindow:corpus:
   *
   * The corpus whose labels the Labels page edits, or %NULL.
   */
  properties [PROP_CORPUS] =
    g_param_spec_object ("corpus", NULL, NULL, GLOSS_TYPE_CORPUS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * GlossPreferencesWindow:locked:
   *
   * Whether the corpus must not change for now (a thread reads it).
   */
  properties [PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GLOSS_TYPE_LABEL_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/glossapp/Gloss/gloss-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, annotator_row);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, snap_switch);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, font_size_spin);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, no_corpus_group);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, labels_group);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, labels_list);
  gtk_widget_class_bind_template_child (widget_class, GlossPreferencesWindow, add_label_button);
  gtk_widget_class_bind_template_callback (widget_class, on_font_size_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_font_size_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_font_size_changed_cb);

  gtk_widget_class_install_action (widget_class, "labels.add", NULL, add_label_action);
  gtk_widget_class_install_action (widget_class, "labels.undo", NULL, undo_action);
}

static void
gloss_preferences_window_init (GlossPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->expanded = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->settings = g_settings_new ("io.github.glossapp.Gloss");

  g_settings_bind (self->settings, "annotator", self->annotator_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "snap-to-words", self->snap_switch, "active", G_SETTINGS_BIND_DEFAULT);
  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->font_size_spin), GLOSS_DOCUMENT_VIEW_MAX_FONT_SIZE);
  g_signal_connect_object (self->settings, "changed::document-font-size",
                           G_CALLBACK (on_font_size_setting_cb), self, G_CONNECT_SWAPPED);
  on_font_size_setting_cb (self);

  update_labels_page (self);
}

GtkWidget *
gloss_preferences_window_new (void)
{
  return g_object_new (GLOSS_TYPE_PREFERENCES_WINDOW, NULL);
}

/**
 * gloss_preferences_window_get_corpus:
 *
 * Returns: (transfer none) (nullable): the corpus whose labels are edited
 */
GlossCorpus *
gloss_preferences_window_get_corpus (GlossPreferencesWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_PREFERENCES_WINDOW (self), NULL);

  return self->corpus;
}

/**
 * gloss_preferences_window_set_corpus:
 * @corpus: (nullable): the corpus whose labels to edit
 */
void
gloss_preferences_window_set_corpus (GlossPreferencesWindow *self,
                                     GlossCorpus            *corpus)
{
  g_return_if_fail (GLOSS_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (corpus == NULL || GLOSS_IS_CORPUS (corpus));

  if (self->corpus == corpus)
    return;

  gtk_list_box_bind_model (self->labels_list, NULL, NULL, NULL, NULL);
  g_hash_table_remove_all (self->expanded);
  g_set_object (&self->corpus, corpus);

  if (corpus != NULL)
    gtk_list_box_bind_model (self->labels_list, G_LIST_MODEL (gloss_corpus_get_schema (corpus)),
                             create_label_row_cb, self, NULL);

  update_labels_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CORPUS]);
}

gboolean
gloss_preferences_window_get_locked (GlossPreferencesWindow *self)
{
  g_return_val_if_fail (GLOSS_IS_PREFERENCES_WINDOW (self), FALSE);

  return self->locked;
}

void
gloss_preferences_window_set_locked (GlossPreferencesWindow *self,
                                     gboolean                locked)
{
  g_return_if_fail (GLOSS_IS_PREFERENCES_WINDOW (self));

  locked = !!locked;
  if (self->locked == locked)
    return;

  self->locked = locked;
  update_labels_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOCKED]);
}
