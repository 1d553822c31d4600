/* gloss-format-jsonl.h: what the doccano and spaCy formats share
 *
 * Both are JSON Lines: one document a line, its text, its spans as
 * offsets in a unit the line declares in `meta.offset_unit`, and a `meta`
 * object for the rest. The export pieces write what the two lines have
 * alike; the reader goes through a file's lines, hands each object to the
 * format and gives it the pieces of the import that are the same in both:
 * offsets read and checked, `meta` collected, the document made with its
 * id, spans sorted and added.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "gloss-exporter.h"
#include "gloss-import-formats.h"

G_BEGIN_DECLS

/* Export */

gboolean         gloss_jsonl_span_has_default_id     (GlossSpan               *span,
                                                      guint                    position);
void             gloss_jsonl_append_span_members     (GString                 *out,
                                                      gboolean                *first,
                                                      GlossSpan               *span,
                                                      guint                    position);
void             gloss_jsonl_append_meta             (GString                 *out,
                                                      GlossExporter           *exporter,
                                                      const char              *format_name,
                                                      GlossDocument           *document,
                                                      const char              *id,
                                                      const char              *also_written);

/* Import */

/* A span as a line gives it, before it joins its document. */
typedef struct
{
  guint        start;      /* code points */
  guint        end;
  const char  *label;      /* a schema label id, interned */
  char        *key;        /* "START:END:LABEL" as the line writes it */
  char        *id;
  char        *note;
  char        *annotator;
  char        *created;
} GlossJsonlEntry;

typedef struct _GlossJsonlReader GlossJsonlReader;

typedef struct
{
  /* Top-level members the format reads itself, and those it keeps in
   * `meta` without a word; any other is kept there with a warning. */
  const char * const  *known_members;
  const char * const  *quiet_members;
  char              *(*describe_unknown_member) (const char *name);

  /* Imports one line's object. */
  gboolean           (*import_object)           (GlossJsonlReader  *reader,
                                                 JsonObject        *object,
                                                 GError           **error);
} GlossJsonlFormat;

gboolean         _gloss_jsonl_import                 (GlossImportContext      *ctx,
                                                      GFile                   *file,
                                                      const GlossJsonlFormat  *format,
                                                      GCancellable            *cancellable,
                                                      GError                 **error);

GArray          *gloss_jsonl_entries_new             (void);
gboolean         gloss_jsonl_holds_string            (JsonNode                *node);
gboolean         gloss_jsonl_id_from_node            (JsonNode                *node,
                                                      char                   **id);

gboolean         gloss_jsonl_reader_fail             (GlossJsonlReader        *reader,
                                                      GError                 **error,
                                                      int                      code,
                                                      const char              *format,
                                                      ...) G_GNUC_PRINTF (4, 5);
void             gloss_jsonl_reader_warn             (GlossJsonlReader        *reader,
                                                      const char              *format,
                                                      ...) G_GNUC_PRINTF (2, 3);
void             gloss_jsonl_reader_warn_once        (GlossJsonlReader        *reader,
                                                      const char              *key,
                                                      const char              *message);

const char      *gloss_jsonl_reader_read_text        (GlossJsonlReader        *reader,
                                                      JsonObject              *object,
                                                      GError                 **error);
JsonObject      *gloss_jsonl_reader_collect_meta     (GlossJsonlReader        *reader,
                                                      JsonObject              *object,
                                                      GError                 **error);
gboolean         gloss_jsonl_reader_take_offset_unit (GlossJsonlReader        *reader,
                                                      JsonObject              *meta,
                                                      const char              *text,
                                                      GError                 **error);
GlossJsonlEntry *gloss_jsonl_reader_add_entry        (GlossJsonlReader        *reader,
                                                      GArray                  *entries,
                                                      const char              *what,
                                                      JsonNode                *start_node,
                                                      JsonNode                *end_node,
                                                      JsonNode                *label_node,
                                                      GError                 **error);
GlossDocument   *gloss_jsonl_reader_new_document     (GlossJsonlReader        *reader,
                                                      const char              *wanted_id,
                                                      const char              *text,
                                                      JsonObject              *meta);
gboolean         gloss_jsonl_reader_add_spans        (GlossJsonlReader        *reader,
                                                      GlossDocument           *document,
                                                      GArray                  *entries,
                                                      GError                 **error);
gboolean         gloss_jsonl_reader_add_document     (GlossJsonlReader        *reader,
                                                      GlossDocument           *document,
                                                      GError                 **error);

G_END_DECLS
