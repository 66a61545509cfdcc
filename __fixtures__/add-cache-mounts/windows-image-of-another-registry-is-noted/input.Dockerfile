FROM registry.example/golang-windows:1.17.3-windowsservercore
SHELL ["powershell", "-Command"]
WORKDIR /src
COPY . .
RUN go build -o a.exe .
