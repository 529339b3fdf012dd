# not what the plugin writes
