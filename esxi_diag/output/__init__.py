"""What leaves the host: the support bundle and its masking."""
