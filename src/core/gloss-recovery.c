/* gloss-recovery.c: recovery copies of corpora with unsaved changes
 *
 * A copy is `$XDG_STATE_HOME/gloss/ID.gloss-recovery`: one line of JSON
 * with the details, then the corpus exactly as gloss_corpus_save_to_bytes()
 * writes it. The directory is private (0700): copies hold the user's texts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-recovery"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "gloss-atomic.h"
#include "gloss-format.h"
#include "gloss-format-private.h"
#include "gloss-limits.h"
#include "gloss-recovery.h"

#define ID_PREFIX "recovery-"
#define SUFFIX ".gloss-recovery"
#define FORMAT_NAME "gloss-recovery"
#define FORMAT_VERSION 1

/* The details line is short; a file whose first 64 KiB hold no line end
 * is not a copy, and is not read further to find out. */
#define MAX_HEADER (64 * 1024)

/* Serializing a large corpus takes long enough to be felt: it is done a
 * few documents at a time between the main loop's other work. */
#define SLICE_USEC 4000

/* A corpus that keeps changing while it is serialized is serialized again
 * from the start, but only so often: then the rest is done in one go. */
#define MAX_RESTARTS 3

struct _GlossRecovery
{
  gatomicrefcount  ref_count;
  char            *id;
  char            *name;
  GFile           *file;
  GDateTime       *time;
  int              pid;
  guint64          process_start;
  guint            n_documents;
  guint            n_spans;
  char            *problem;  /* why a damaged copy cannot be read */
  char            *path;     /* where a damaged copy is kept */
};

G_DEFINE_QUARK (gloss-recovery-error-quark, gloss_recovery_error)
G_DEFINE_BOXED_TYPE (GlossRecovery, gloss_recovery, gloss_recovery_ref, gloss_recovery_unref)

/* Processes */

/* Reads from /proc (where there is one) when @pid started, in clock ticks
 * since boot, and whether it has ended but not been reaped yet. */
static gboolean
read_process_stat (int       pid,
                   guint64  *start_time,
                   gboolean *zombie)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *rest;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;

  /* The command name, in parentheses, may itself hold spaces and
   * parentheses: the fields start after the last ')'. The state is the
   * third field, the start time the 22nd. */
  if ((rest = strrchr (contents, ')')) == NULL || rest[1] != ' ')
    return FALSE;

  fields = g_strsplit (rest + 2, " ", 21);
  if (g_strv_length (fields) < 20)
    return FALSE;

  *zombie = fields[0][0] == 'Z';
  *start_time = g_ascii_strtoull (fields[19], NULL, 10);

  return TRUE;
}

static guint64
get_own_start_time (void)
{
  static guint64 start_time;
  static gsize done;

  if (g_once_init_enter (&done))
    {
      gboolean zombie;

      if (!read_process_stat (getpid (), &start_time, &zombie))
        start_time = 0;
      g_once_init_leave (&done, 1);
    }

  return start_time;
}

/* A process id is reused once its process is gone: where the start time
 * is known, it must match too. */
static gboolean
process_is_running (int     pid,
                    guint64 start_time)
{
  guint64 now_start;
  gboolean zombie;

  if (pid <= 0)
    return FALSE;

  if (kill (pid, 0) != 0 && errno == ESRCH)
    return FALSE;

  if (read_process_stat (pid, &now_start, &zombie))
    {
      if (zombie)
        return FALSE;
      if (start_time != 0 && now_start != start_time)
        return FALSE;
    }

  return TRUE;
}

/* GlossRecovery */

GlossRecovery *
gloss_recovery_ref (GlossRecovery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
gloss_recovery_unref (GlossRecovery *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->id);
  g_free (self->name);
  g_clear_object (&self->file);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->problem);
  g_free (self->path);
  g_free (self);
}

static GlossRecovery *
recovery_new (const char *id)
{
  GlossRecovery *self = g_new0 (GlossRecovery, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->id = g_strdup (id);

  return self;
}

/**
 * gloss_recovery_get_id:
 *
 * Returns: what names the copy for gloss_recovery_lookup() and
 *   gloss_recovery_remove()
 */
const char *
gloss_recovery_get_id (GlossRecovery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->id;
}

/**
 * gloss_recovery_get_name:
 *
 * Returns: the corpus name the window showed, such as “Sample Corpus”
 */
const char *
gloss_recovery_get_name (GlossRecovery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

/**
 * gloss_recovery_get_file:
 *
 * Returns: (transfer none) (nullable): the file the corpus belongs to, or
 *   %NULL if it was never saved
 */
GFile *
gloss_recovery_get_file (GlossRecovery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->file;
}

/**
 * gloss_recovery_get_time:
 *
 * Returns: (transfer none): when the copy was taken, in UTC
 */
GDateTime *
gloss_recovery_get_time (GlossRecovery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->time;
}

int
gloss_recovery_get_pid (GlossRecovery *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->pid;
}

guint
gloss_recovery_get_n_documents (GlossRecovery *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_documents;
}

guint
gloss_recovery_get_n_spans (GlossRecovery *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_spans;
}

/**
 * gloss_recovery_get_problem:
 *
 * Returns: (nullable): for a copy from gloss_recovery_set_aside_damaged(),
 *   why it cannot be read; %NULL for a readable copy
 */
const char *
gloss_recovery_get_problem (GlossRecovery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->problem;
}

/**
 * gloss_recovery_get_path:
 *
 * Returns: (nullable): for a copy from gloss_recovery_set_aside_damaged(),
 *   the file it is kept in now
 */
const char *
gloss_recovery_get_path (GlossRecovery *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

/* Files */

/**
 * gloss_recovery_get_dir:
 *
 * Returns: (transfer full): where the copies are kept,
 *   `$XDG_STATE_HOME/gloss`
 */
char *
gloss_recovery_get_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "gloss", NULL);
}

/**
 * gloss_recovery_make_id:
 *
 * Returns: (transfer full): an id for the copies of one corpus in this
 *   process, different from every other
 */
char *
gloss_recovery_make_id (void)
{
  return g_strdup_printf (ID_PREFIX "%d-%08x", (int)getpid (), g_random_int ());
}

/* Ids come from gloss_recovery_make_id() or from the folder; one that could
 * name a file elsewhere is refused. */
static gboolean
check_id (const char  *id,
          GError     **error)
{
  if (g_str_has_prefix (id, ID_PREFIX) && id[strlen (ID_PREFIX)] != '\0' &&
      strspn (id, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen (id))
    return TRUE;

  g_set_error (error, GLOSS_RECOVERY_ERROR, GLOSS_RECOVERY_ERROR_NOT_FOUND,
               _("“%s” is not the name of a recovery copy"), id);
  return FALSE;
}

static char *
path_for_id (const char *id)
{
  g_autofree char *dir = gloss_recovery_get_dir ();
  g_autofree char *name = g_strconcat (id, SUFFIX, NULL);

  return g_build_filename (dir, name, NULL);
}

/* The details line */

static void
append_header (GString       *out,
               GlossRecovery *self)
{
  g_autofree char *time = g_date_time_format_iso8601 (self->time);

  g_string_append (out, "{\"format\": \"" FORMAT_NAME "\", \"version\": 1, \"name\": ");
  gloss_json_append_string (out, self->name);
  g_string_append (out, ", \"file\": ");
  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);

      gloss_json_append_string (out, uri);
    }
  else
    g_string_append (out, "null");
  g_string_append (out, ", \"time\": ");
  gloss_json_append_string (out, time);
  g_string_append_printf (out, ", \"pid\": %d, \"process_start\": %" G_GUINT64_FORMAT
                          ", \"documents\": %u, \"spans\": %u}\n",
                          self->pid, self->process_start, self->n_documents, self->n_spans);
}

static gboolean
invalid (GError     **error,
         const char  *member)
{
  g_set_error (error, GLOSS_RECOVERY_ERROR, GLOSS_RECOVERY_ERROR_INVALID,
               _("the details have no valid “%s”"), member);
  return FALSE;
}

static gboolean
get_number (JsonObject  *object,
            const char  *member,
            gint64       max,
            gint64      *value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > max)
    return invalid (error, member);

  *value = json_node_get_int (node);

  return TRUE;
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  value = json_node_get_string (node);

  return g_utf8_validate (value, -1, NULL) ? value : NULL;
}

static gboolean
read_members (GlossRecovery  *self,
              JsonObject     *object,
              GError        **error)
{
  JsonNode *file = json_object_get_member (object, "file");
  const char *text;
  gint64 number;

  if ((text = get_string (object, "format")) == NULL || !g_str_equal (text, FORMAT_NAME))
    return invalid (error, "format");
  if (!get_number (object, "version", G_MAXINT, &number, error))
    return FALSE;
  if (number != FORMAT_VERSION)
    {
      g_set_error (error, GLOSS_RECOVERY_ERROR, GLOSS_RECOVERY_ERROR_NEWER_VERSION,
                   _("the copy is of version %d, which this Gloss does not read"), (int)number);
      return FALSE;
    }

  if ((text = get_string (object, "name")) == NULL)
    return invalid (error, "name");
  self->name = g_strdup (text);

  if (file == NULL || (!JSON_NODE_HOLDS_NULL (file) && (text = get_string (object, "file")) == NULL))
    return invalid (error, "file");
  if (!JSON_NODE_HOLDS_NULL (file))
    self->file = g_file_new_for_uri (text);

  if ((text = get_string (object, "time")) == NULL ||
      (self->time = g_date_time_new_from_iso8601 (text, NULL)) == NULL)
    return invalid (error, "time");

  if (!get_number (object, "pid", G_MAXINT, &number, error))
    return FALSE;
  self->pid = number;
  if (!get_number (object, "process_start", G_MAXINT64, &number, error))
    return FALSE;
  self->process_start = number;
  if (!get_number (object, "documents", G_MAXUINT, &number, error))
    return FALSE;
  self->n_documents = number;
  if (!get_number (object, "spans", G_MAXUINT, &number, error))
    return FALSE;
  self->n_spans = number;

  return TRUE;
}

/* Reads the details of the copy @id from @data, the start of its file, and
 * says where the corpus starts. */
static GlossRecovery *
parse_header (const char  *id,
              const char  *data,
              gsize        n_bytes,
              gsize       *body_offset,
              GError     **error)
{
  g_autoptr(GlossRecovery) self = recovery_new (id);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  const char *end = memchr (data, '\n', MIN (n_bytes, MAX_HEADER));
  JsonNode *root;

  if (end == NULL)
    {
      g_set_error_literal (error, GLOSS_RECOVERY_ERROR, GLOSS_RECOVERY_ERROR_INVALID,
                           _("the file does not start with a line of details"));
      return NULL;
    }

  if (gloss_limits_find_too_deep (data, end - data) < (gsize)(end - data))
    {
      g_set_error (error, GLOSS_RECOVERY_ERROR, GLOSS_RECOVERY_ERROR_INVALID,
                   _("the line of details is not JSON: %s"),
                   _("arrays and objects are nested too deep"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, end - data, &parse_error))
    {
      g_set_error (error, GLOSS_RECOVERY_ERROR, GLOSS_RECOVERY_ERROR_INVALID,
                   _("the line of details is not JSON: %s"), parse_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, GLOSS_RECOVERY_ERROR, GLOSS_RECOVERY_ERROR_INVALID,
                           _("the line of details is not a JSON object"));
      return NULL;
    }

  if (!read_members (self, json_node_get_object (root), error))
    return NULL;

  if (body_offset != NULL)
    *body_offset = end - data + 1;

  return g_steal_pointer (&self);
}

static GlossRecovery *
read_info (const char  *id,
           GError     **error)
{
  g_autofree char *path = path_for_id (id);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = g_malloc (MAX_HEADER);
  gsize n_read = 0;

  if (!(stream = g_file_read (file, NULL, error)) ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, MAX_HEADER, &n_read, NULL, error))
    return NULL;

  return parse_header (id, buffer, n_read, NULL, error);
}

/* A temporary file of the atomic writer stays behind when its process dies
 * during a write; it is named `.ID.gloss-recovery.XXXXXX`, and the id holds
 * the process id. */
static void
remove_if_stale (const char *dir,
                 const char *name)
{
  g_autofree char *path = NULL;
  const char *pid_start;
  char *pid_end;
  gint64 pid;

  if (!g_str_has_prefix (name, "." ID_PREFIX) || strstr (name, SUFFIX ".") == NULL)
    return;

  pid_start = name + strlen ("." ID_PREFIX);
  pid = g_ascii_strtoll (pid_start, &pid_end, 10);
  if (pid_end == pid_start || *pid_end != '-' || pid <= 0 || pid > G_MAXINT ||
      process_is_running ((int)pid, 0))
    return;

  path = g_build_filename (dir, name, NULL);
  if (g_unlink (path) != 0)
    g_debug ("Could not remove %s: %s", path, g_strerror (errno));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  GlossRecovery *first = *(GlossRecovery **)a;
  GlossRecovery *second = *(GlossRecovery **)b;

  return g_date_time_compare (second->time, first->time);
}

/**
 * gloss_recovery_list:
 *
 * Reads the details of the copies in gloss_recovery_get_dir(). A copy
 * whose details cannot be read is skipped with a warning; a missing folder
 * has no copies. Leftovers of writes cut short by a crash are removed.
 *
 * Returns: (transfer container) (element-type GlossRecovery): the copies,
 *   newest first
 */
GPtrArray *
gloss_recovery_list (GlossRecoveryFilter filter)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_recovery_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir_path = gloss_recovery_get_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *entry;

  /* In name order, so that the warnings come in an order too. */
  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *id = NULL;
      g_autoptr(GError) error = NULL;
      GlossRecovery *info;

      if (name[0] == '.')
        {
          remove_if_stale (dir_path, name);
          continue;
        }

      if (!g_str_has_prefix (name, ID_PREFIX) || !g_str_has_suffix (name, SUFFIX))
        continue;

      id = g_strndup (name, strlen (name) - strlen (SUFFIX));
      if (!check_id (id, NULL))
        continue;

      if (!(info = read_info (id, &error)))
        {
          /* gloss_recovery_set_aside_damaged() tells the user. */
          g_debug ("Skipped the recovery copy %s/%s: %s", dir_path, name, error->message);
          continue;
        }

      if (filter == GLOSS_RECOVERY_ORPHANED && process_is_running (info->pid, info->process_start))
        gloss_recovery_unref (info);
      else
        g_ptr_array_add (found, info);
    }

  g_ptr_array_sort (found, compare_newest_first);

  return found;
}

/* A copy of a newer Gloss says which process wrote it, in members this
 * version may not know: if they are there and it still runs, the copy is
 * that process's own. */
static gboolean
newer_copy_in_use (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *object;
  const char *end;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL) ||
      (end = memchr (contents, '\n', MIN (length, MAX_HEADER))) == NULL ||
      gloss_limits_find_too_deep (contents, end - contents) < (gsize)(end - contents) ||
      !json_parser_load_from_data (parser, contents, end - contents, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;

  object = json_node_get_object (json_parser_get_root (parser));
  return json_object_has_member (object, "pid") &&
         process_is_running (json_object_get_int_member_with_default (object, "pid", 0),
                             json_object_get_int_member_with_default (object, "process_start", 0));
}

/* Renames a damaged copy so that it is no longer offered, and says where
 * it went. */
static char *
move_aside (const char *path)
{
  g_autofree char *aside = g_strconcat (path, ".damaged", NULL);

  if (g_rename (path, aside) != 0)
    {
      g_debug ("Could not move %s aside: %s", path, g_strerror (errno));
      return g_strdup (path);
    }

  return g_steal_pointer (&aside);
}

/**
 * gloss_recovery_set_aside_damaged:
 *
 * Finds the copies in gloss_recovery_get_dir() that cannot be read (the
 * details or the corpus damaged, or written by a newer version of Gloss),
 * so that the user can be told: they are never loaded, nor deleted. A
 * damaged copy is renamed to `….gloss-recovery.damaged`, so that it is
 * reported once; a copy of a newer version stays where that version looks
 * for it (and is not reported while the process that wrote it runs).
 *
 * Returns: (transfer container) (element-type GlossRecovery): the copies,
 *   with gloss_recovery_get_problem() and gloss_recovery_get_path() set
 */
GPtrArray *
gloss_recovery_set_aside_damaged (void)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify)gloss_recovery_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir_path = gloss_recovery_get_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *entry;

  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (entry, ID_PREFIX) && g_str_has_suffix (entry, SUFFIX))
      g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *id = g_strndup (g_ptr_array_index (names, i),
                                       strlen (g_ptr_array_index (names, i)) - strlen (SUFFIX));
      g_autofree char *path = NULL;
      g_autoptr(GlossRecovery) info = NULL;
      g_autoptr(GError) error = NULL;
      GlossRecovery *damaged;

      if (!check_id (id, NULL) || (info = read_info (id, &error)) != NULL || error->domain != GLOSS_RECOVERY_ERROR)
        continue;

      path = path_for_id (id);
      if (g_error_matches (error, GLOSS_RECOVERY_ERROR, GLOSS_RECOVERY_ERROR_NEWER_VERSION) &&
          newer_copy_in_use (path))
        continue;

      damaged = recovery_new (id);
      damaged->problem = g_strdup (error->message);
      if (g_error_matches (error, GLOSS_RECOVERY_ERROR, GLOSS_RECOVERY_ERROR_NEWER_VERSION))
        damaged->path = g_steal_pointer (&path);
      else
        damaged->path = move_aside (path);
      g_ptr_array_add (found, damaged);
    }

  return found;
}

/**
 * gloss_recovery_lookup:
 *
 * Returns: (transfer full) (nullable): the details of the copy @id
 */
GlossRecovery *
gloss_recovery_lookup (const char  *id,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GlossRecovery *info;

  g_return_val_if_fail (id != NULL, NULL);

  if (!check_id (id, error))
    return NULL;

  if (!(info = read_info (id, &local_error)))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, GLOSS_RECOVERY_ERROR, GLOSS_RECOVERY_ERROR_NOT_FOUND,
                     _("There is no recovery copy “%s”"), id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
    }

  return info;
}

/**
 * gloss_recovery_remove:
 *
 * Deletes the copy @id. A copy that is already gone is not an error.
 */
gboolean
gloss_recovery_remove (const char  *id,
                       GError     **error)
{
  g_autofree char *path = NULL;
  int saved_errno;

  g_return_val_if_fail (id != NULL, FALSE);

  if (!check_id (id, error))
    return FALSE;

  path = path_for_id (id);
  if (g_unlink (path) == 0 || errno == ENOENT)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot remove the recovery copy “%s”: %s"), path, g_strerror (saved_errno));

  return FALSE;
}

/* Writing */

static GlossRecovery *
recovery_new_for_corpus (GlossCorpus *corpus,
                         const char  *id,
                         const char  *name)
{
  GlossRecovery *self = recovery_new (id);
  GFile *file = gloss_corpus_get_file (corpus);

  self->name = g_strdup (name);
  self->file = file != NULL ? g_object_ref (file) : NULL;
  self->time = g_date_time_new_now_utc ();
  self->pid = getpid ();
  self->process_start = get_own_start_time ();
  self->n_documents = gloss_corpus_get_n_documents (corpus);
  self->n_spans = gloss_corpus_count_spans (corpus);

  return self;
}

static gboolean
write_copy (GlossRecovery  *self,
            GBytes         *corpus_bytes,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autofree char *dir = gloss_recovery_get_dir ();
  g_autofree char *path = path_for_id (self->id);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GlossAtomicWriter) writer = NULL;
  g_autoptr(GString) header = g_string_new (NULL);
  const char *data;
  gsize n_bytes;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot make the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (!(writer = gloss_atomic_writer_new (file, error)))
    return FALSE;

  append_header (header, self);
  data = g_bytes_get_data (corpus_bytes, &n_bytes);

  return gloss_atomic_writer_write_all (writer, header->str, header->len, cancellable, error) &&
         gloss_atomic_writer_write_all (writer, data, n_bytes, cancellable, error) &&
         gloss_atomic_writer_commit (writer, FALSE, cancellable, error);
}

/**
 * gloss_recovery_write:
 * @id: from gloss_recovery_make_id(); a copy with this id is replaced
 * @name: the corpus name to show when offering the copy back
 *
 * Writes a copy of @corpus at once, atomically, making the folder (private
 * to the user) if needed.
 *
 * Returns: (transfer full) (nullable): the details of the copy
 */
GlossRecovery *
gloss_recovery_write (GlossCorpus   *corpus,
                      const char    *id,
                      const char    *name,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GlossRecovery) self = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (GLOSS_IS_CORPUS (corpus), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!check_id (id, error))
    return NULL;

  bytes = gloss_corpus_save_to_bytes (corpus);
  self = recovery_new_for_corpus (corpus, id, name);

  if (!write_copy (self, bytes, cancellable, error))
    return NULL;

  return g_steal_pointer (&self);
}

typedef struct
{
  GlossCorpus   *corpus;
  char          *id;
  char          *name;
  GString       *out;
  guint          next;          /* the next document to serialize */
  guint          n_restarts;
  guint64        change_count;  /* of the corpus when this pass started */
  GlossRecovery *info;
  GBytes        *bytes;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_clear_object (&job->corpus);
  g_free (job->id);
  g_free (job->name);
  if (job->out != NULL)
    g_string_free (job->out, TRUE);
  g_clear_pointer (&job->info, gloss_recovery_unref);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;

  if (write_copy (job->info, job->bytes, cancellable, &error))
    g_task_return_pointer (task, gloss_recovery_ref (job->info), (GDestroyNotify)gloss_recovery_unref);
  else
    g_task_return_error (task, error);
}

static void
start_pass (WriteJob *job)
{
  g_string_truncate (job->out, 0);
  _gloss_format_append_header (job->out, job->corpus);
  job->next = 0;
  job->change_count = gloss_corpus_get_change_count (job->corpus);
}

/* One slice of the serialization, in the main thread where the corpus
 * lives; the file is written in a worker thread once the bytes are done. */
static gboolean
serialize_step_cb (gpointer user_data)
{
  GTask *task = user_data;
  WriteJob *job = g_task_get_task_data (task);
  gint64 deadline = g_get_monotonic_time () + SLICE_USEC;
  guint n_documents;

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;

  /* A change since the last slice: what is written so far may not match
   * the schema or the documents any more. */
  if (gloss_corpus_get_change_count (job->corpus) != job->change_count)
    {
      job->n_restarts++;
      start_pass (job);
    }

  n_documents = gloss_corpus_get_n_documents (job->corpus);
  while (job->next < n_documents)
    {
      _gloss_format_append_document (job->out, gloss_corpus_get_document (job->corpus, job->next), job->next == 0);
      job->next++;

      if (job->n_restarts < MAX_RESTARTS && g_get_monotonic_time () >= deadline)
        return G_SOURCE_CONTINUE;
    }

  _gloss_format_append_footer (job->out, n_documents);
  job->bytes = g_string_free_to_bytes (g_steal_pointer (&job->out));
  job->info = recovery_new_for_corpus (job->corpus, job->id, job->name);
  g_task_run_in_thread (task, write_thread);

  return G_SOURCE_REMOVE;
}

/**
 * gloss_recovery_write_async:
 *
 * Like gloss_recovery_write(), but the corpus is serialized a slice at a
 * time in the main loop (at a low priority, again from the start if the
 * corpus changes meanwhile) and the file is written in a worker thread,
 * so that a large corpus does not stall the window.
 */
void
gloss_recovery_write_async (GlossCorpus         *corpus,
                            const char          *id,
                            const char          *name,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GSource) source = NULL;
  GError *error = NULL;
  WriteJob *job;

  g_return_if_fail (GLOSS_IS_CORPUS (corpus));
  g_return_if_fail (id != NULL);
  g_return_if_fail (name != NULL);

  task = g_task_new (corpus, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_recovery_write_async);

  if (!check_id (id, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  job = g_new0 (WriteJob, 1);
  job->corpus = g_object_ref (corpus);
  job->id = g_strdup (id);
  job->name = g_strdup (name);
  job->out = g_string_sized_new (4096);
  g_task_set_task_data (task, job, (GDestroyNotify)write_job_free);
  start_pass (job);

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_LOW);
  g_source_set_static_name (source, "[gloss] serialize recovery copy");
  g_task_attach_source (task, source, serialize_step_cb);
}

/**
 * gloss_recovery_write_finish:
 *
 * Returns: (transfer full) (nullable): the details of the copy written
 */
GlossRecovery *
gloss_recovery_write_finish (GlossCorpus   *corpus,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, corpus), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_recovery_write_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Loading */

/**
 * gloss_recovery_load:
 *
 * Loads the corpus of a copy, with all the checks of a native corpus. It
 * belongs to the file the copy was made from (saving writes there), and it
 * has unsaved changes.
 *
 * Returns: (transfer full) (nullable): the corpus
 */
GlossCorpus *
gloss_recovery_load (GlossRecovery  *self,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GlossRecovery) check = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GlossCorpus) corpus = NULL;
  gsize offset;
  gsize n_bytes;
  const char *data;

  g_return_val_if_fail (self != NULL, NULL);

  path = path_for_id (self->id);
  file = g_file_new_for_path (path);
  if (!(bytes = gloss_limits_load_file (file, NULL, cancellable, error)))
    return NULL;

  data = g_bytes_get_data (bytes, &n_bytes);
  if ((check = parse_header (self->id, data, n_bytes, &offset, &local_error)))
    {
      body = g_bytes_new_from_bytes (bytes, offset, n_bytes - offset);
      corpus = gloss_corpus_load_bytes (body, NULL, &local_error);
    }

  if (corpus == NULL)
    {
      g_autofree char *aside = move_aside (path);

      /* Translators: %1$s is a corpus name, %2$s what is wrong, %3$s a file */
      g_set_error (error, GLOSS_RECOVERY_ERROR, GLOSS_RECOVERY_ERROR_INVALID,
                   _("The recovery copy of “%1$s” is damaged: %2$s. It was kept as “%3$s”."),
                   self->name, local_error->message, aside);
      return NULL;
    }

  gloss_corpus_set_file (corpus, self->file);
  gloss_corpus_set_dirty (corpus, TRUE);

  return g_steal_pointer (&corpus);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GlossCorpus *corpus;
  GError *error = NULL;

  if ((corpus = gloss_recovery_load (task_data, cancellable, &error)))
    g_task_return_pointer (task, corpus, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * gloss_recovery_load_async:
 *
 * Runs gloss_recovery_load() in a worker thread.
 */
void
gloss_recovery_load_async (GlossRecovery       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (self != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, gloss_recovery_load_async);
  g_task_set_task_data (task, gloss_recovery_ref (self), (GDestroyNotify)gloss_recovery_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * gloss_recovery_load_finish:
 *
 * Returns: (transfer full) (nullable): the corpus
 */
GlossCorpus *
gloss_recovery_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gloss_recovery_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
