"""Return files to organisers: format, what goes, writing, and the installation identity."""
