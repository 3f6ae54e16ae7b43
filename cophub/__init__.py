"""COP Hub: the platform behind ITU Council Resolution 1306 and Plenipotentiary Resolution 179."""
