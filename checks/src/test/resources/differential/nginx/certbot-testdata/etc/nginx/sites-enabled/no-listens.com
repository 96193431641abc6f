server {
    server_name no-listens.com;
}
