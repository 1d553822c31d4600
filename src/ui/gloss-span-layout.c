/* gloss-span-layout.c: PLACEHOLDER
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "gloss-span-layout.h"
