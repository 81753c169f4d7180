"""Running the site in production: traffic and login logs, backup and restore, health, job heartbeat."""
