"""Streamlit pages of the gazette assistant: chat, calculators, school-admission wizard, clause browser."""
