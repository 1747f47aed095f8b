"""Council packs and the knowledge base: content as validated data, no Flask, no SQL."""
