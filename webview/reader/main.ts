// STUB — the reader feature replaces this file.
