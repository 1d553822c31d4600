/* gloss-atomic.c
 *
 * g_file_replace() writes a file that does not exist yet in place, so a
 * crash or a full disk halfway leaves half a file. This writer always goes
 * through a temporary file beside the target, synced to disk and renamed
 * over the target only when complete; freeing an uncommitted writer
 * deletes the temporary file.
 *
 * A process killed while it writes leaves its temporary file behind: a
 * hidden `.NAME.XXXXXX` beside the target. The writer holds a lock on its
 * temporary file, which the kernel drops when the process dies, so the
 * next writer of the same target removes the unlocked ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "gloss-atomic"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "gloss-atomic.h"

struct _GlossAtomicWriter
{
  char          *target;
  char          *tmp_path;
  int            fd;
  GOutputStream *stream;
  gboolean       done;
};

typedef enum
{
  FAILED_WRITE,
  FAILED_BACKUP,
} Failure;

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 Failure      failure,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);
  int code = g_io_error_from_errno (saved_errno);

  if (failure == FAILED_BACKUP)
    g_set_error (error, G_IO_ERROR, code, _("Cannot make the backup “%s”: %s"),
                 display, g_strerror (saved_errno));
  else
    g_set_error (error, G_IO_ERROR, code, _("Cannot write “%s”: %s"),
                 display, g_strerror (saved_errno));

  return FALSE;
}

/* Whether @name is a temporary file of the writer for the target named
 * @base: `.BASE.` and the six characters of g_mkstemp(). */
static gboolean
is_temporary_of (const char *name,
                 const char *base)
{
  gsize base_len = strlen (base);
  const char *suffix;

  if (name[0] != '.' || strncmp (name + 1, base, base_len) != 0 || name[base_len + 1] != '.')
    return FALSE;

  suffix = name + base_len + 2;

  return strlen (suffix) == 6 && strspn (suffix, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") == 6;
}

/* Removes what killed writers of the same target left: the temporary
 * files that no living process holds locked. */
static void
remove_stale_temporaries (GlossAtomicWriter *self,
                          const char        *dir,
                          const char        *base)
{
  g_autoptr(GDir) entries = g_dir_open (dir, 0, NULL);
  const char *name;

  while (entries != NULL && (name = g_dir_read_name (entries)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!is_temporary_of (name, base))
        continue;

      path = g_build_filename (dir, name, NULL);
      if (g_strcmp0 (path, self->tmp_path) == 0 || g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      if ((fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)) < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0 && g_unlink (path) != 0)
        g_debug ("Could not remove %s: %s", path, g_strerror (errno));
      close (fd);
    }
}

/* Makes the temporary file, locked for as long as this process lives. */
static gboolean
open_temporary (GlossAtomicWriter  *self,
                const char         *dir,
                const char         *base,
                GError            **error)
{
  /* Another writer may have taken it for stale between its creation and
   * the lock: then it is unlinked, and a new one is made. */
  for (guint attempt = 0; attempt < 5; attempt++)
    {
      g_autofree char *template = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
      struct stat st;

      self->fd = g_mkstemp_full (template, O_WRONLY | O_CLOEXEC, 0666);
      if (self->fd < 0)
        return set_errno_error (error, errno, FAILED_WRITE, self->target);

      if (flock (self->fd, LOCK_EX) == 0 && fstat (self->fd, &st) == 0 && st.st_nlink > 0)
        {
          self->tmp_path = g_steal_pointer (&template);
          return TRUE;
        }

      close (self->fd);
      self->fd = -1;
    }

  return set_errno_error (error, EAGAIN, FAILED_WRITE, self->target);
}

/**
 * gloss_atomic_writer_new:
 * @target: a local file
 *
 * Opens a temporary file in @target's folder. Write to
 * gloss_atomic_writer_get_stream(), then commit.
 *
 * Returns: (transfer full) (nullable): the writer
 */
GlossAtomicWriter *
gloss_atomic_writer_new (GFile   *target,
                         GError **error)
{
  g_autoptr(GlossAtomicWriter) self = g_new0 (GlossAtomicWriter, 1);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  struct stat st;

  g_return_val_if_fail (G_IS_FILE (target), NULL);

  self->fd = -1;
  self->target = g_file_get_path (target);
  if (self->target == NULL)
    {
      g_autofree char *uri = g_file_get_uri (target);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot write “%s”: only local files can be written"), uri);
      return NULL;
    }

  if (g_stat (self->target, &st) == 0 && S_ISDIR (st.st_mode))
    {
      g_autofree char *display = g_filename_display_name (self->target);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Cannot write “%s”: it is a folder"), display);
      return NULL;
    }

  /* The rename would replace a file its owner made read-only. */
  if (g_access (self->target, W_OK) != 0 && errno != ENOENT)
    {
      set_errno_error (error, errno, FAILED_WRITE, self->target);
      return NULL;
    }

  dir = g_path_get_dirname (self->target);
  base = g_path_get_basename (self->target);
  if (!open_temporary (self, dir, base, error))
    return NULL;

  remove_stale_temporaries (self, dir, base);
  self->stream = g_unix_output_stream_new (self->fd, FALSE);

  return g_steal_pointer (&self);
}

/**
 * gloss_atomic_writer_get_stream:
 *
 * Returns: (transfer none): where to write the new contents
 */
GOutputStream *
gloss_atomic_writer_get_stream (GlossAtomicWriter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->stream;
}

/**
 * gloss_atomic_writer_name_error:
 * @error: (nullable): a failure to write to the writer's stream
 *
 * Says which file could not be written: the stream's own messages name
 * only a file descriptor. Cancellation and errors of other domains are
 * left as they are.
 */
void
gloss_atomic_writer_name_error (GlossAtomicWriter  *self,
                                GError            **error)
{
  g_autofree char *display = NULL;

  g_return_if_fail (self != NULL);

  if (error == NULL || *error == NULL || (*error)->domain != G_IO_ERROR ||
      (*error)->code == G_IO_ERROR_CANCELLED)
    return;

  display = g_filename_display_name (self->target);
  g_prefix_error (error, _("Cannot write “%s”: "), display);
}

/**
 * gloss_atomic_writer_write_all:
 *
 * Writes @data to the temporary file; errors name the target.
 */
gboolean
gloss_atomic_writer_write_all (GlossAtomicWriter  *self,
                               const void         *data,
                               gsize               n_bytes,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (g_output_stream_write_all (self->stream, data, n_bytes, NULL, cancellable, error))
    return TRUE;

  gloss_atomic_writer_name_error (self, error);

  return FALSE;
}

static void
keep_permissions (GlossAtomicWriter *self)
{
  struct stat st;
  mode_t mask;

  if (g_stat (self->target, &st) == 0)
    {
      if (fchmod (self->fd, st.st_mode & 07777) != 0)
        g_debug ("Could not keep the permissions of %s: %s", self->target, g_strerror (errno));
      return;
    }

  /* A new file gets what the umask allows, as if it had been created. */
  mask = umask (0);
  umask (mask);
  if (fchmod (self->fd, 0666 & ~mask) != 0)
    g_debug ("Could not set the permissions of %s: %s", self->tmp_path, g_strerror (errno));
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_CLOEXEC);

  /* The rename is durable only once the folder is on disk too. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * gloss_atomic_writer_commit:
 * @make_backup: whether to keep the previous file as `TARGET~`
 *
 * Flushes and syncs the new contents and renames them over the target.
 * On failure the target is as it was and the temporary file is gone.
 */
gboolean
gloss_atomic_writer_commit (GlossAtomicWriter  *self,
                            gboolean            make_backup,
                            GCancellable       *cancellable,
                            GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->done, FALSE);

  if (!g_output_stream_flush (self->stream, cancellable, error))
    return FALSE;

  if (fsync (self->fd) != 0)
    return set_errno_error (error, errno, FAILED_WRITE, self->target);

  keep_permissions (self);

  if (close (self->fd) != 0)
    {
      self->fd = -1;
      return set_errno_error (error, errno, FAILED_WRITE, self->target);
    }
  self->fd = -1;

  if (make_backup && g_file_test (self->target, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *backup = g_strconcat (self->target, "~", NULL);

      if (g_unlink (backup) != 0 && errno != ENOENT)
        return set_errno_error (error, errno, FAILED_BACKUP, backup);
      if (link (self->target, backup) != 0)
        return set_errno_error (error, errno, FAILED_BACKUP, backup);
    }

  if (g_rename (self->tmp_path, self->target) != 0)
    return set_errno_error (error, errno, FAILED_WRITE, self->target);

  self->done = TRUE;
  sync_folder (self->target);

  return TRUE;
}

/**
 * gloss_atomic_writer_free:
 *
 * Frees the writer; if it was not committed, deletes the temporary file and
 * leaves the target untouched.
 */
void
gloss_atomic_writer_free (GlossAtomicWriter *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  if (self->fd >= 0)
    close (self->fd);
  if (!self->done && self->tmp_path != NULL)
    g_unlink (self->tmp_path);

  g_free (self->tmp_path);
  g_free (self->target);
  g_free (self);
}
