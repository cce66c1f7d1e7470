"""Socket.IO: the server object, its events, the rooms that hear a change, whole states."""
