"""The reader's screens: browse (the main one), reporters, help and page problems."""
