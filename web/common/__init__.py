"""What every audience's pages share: settings, the database connection, security headers, rate
limits, error pages, navigation, the page's council, downloads and signing in."""
