"""The wallet database: schema and migrations, the `Wallet` API, row building, backups and the document cache."""
