"""careers"""
