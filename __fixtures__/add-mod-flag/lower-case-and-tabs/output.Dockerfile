from golang:1.23 as build
run	cd /src &&	go build -mod=mod	-o app .
