"""wages"""
