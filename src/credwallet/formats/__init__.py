"""Bytes to credentials: detection, unbaking (PNG, SVG), and one parser per format (OB 2.0, OB 3.0, VC-JWT, CLR)."""
