"""Generic cleaners: noise every site has (share bars, newsletter prompts, related lists)."""
