"""briefing: turn a folder of scraped news articles about one event into a cited one-page briefing."""

__version__ = "0.1.0"
