"""The onboarding campaign: curricula of modules, progress, badges, feedback that teaches, certificates."""
