"""Every limit on untrusted input, in one place, each with the reason it exists."""

from __future__ import annotations

# A badge file is never more than a few MB (a baked PNG with a large image); anything bigger is refused
# before a byte is parsed, so a hostile file cannot exhaust memory.
MAX_BADGE_BYTES = 8 * 1024 * 1024

# A credential JSON document: 2 MiB covers the 1EdTech "complete" examples with embedded images many
# times over; a token or payload larger than this is refused before decoding.
MAX_JSON_BYTES = 2 * 1024 * 1024

# Nesting deeper than this is never produced by real issuers but stack-overflows naive parsers.
MAX_JSON_DEPTH = 64

# PNG: decompressed iTXt text is capped so a zlib bomb stops at this many bytes.
MAX_PNG_TEXT_BYTES = 2 * 1024 * 1024
# A real badge PNG has a handful of chunks; a file with thousands is hostile or broken.
MAX_PNG_CHUNKS = 10_000

# Credentials nested in one CLR or presentation; more than this is refused with a clear error.
MAX_INNER_CREDENTIALS = 1_000

# Files visited when a folder is imported; protects against importing a whole disk by mistake.
MAX_FILES_PER_IMPORT = 200_000

# One credential's verification (canonicalization, hashing, signature, status lists): a real credential takes
# milliseconds; past this many seconds the work stops and the credential is `unverified`, saying why, rather
# than holding up `verify --all` or an import.
MAX_VERIFY_SECONDS = 5.0

# JSON objects and values in one JSON-LD document, counted before expansion: a credential has a few hundred;
# pyld's node map compares each value with its siblings, so a document far beyond this would stall it.
MAX_JSONLD_OBJECTS = 5_000
MAX_JSONLD_VALUES = 50_000
