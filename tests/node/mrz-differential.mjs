// placeholder
process.exit(77);
