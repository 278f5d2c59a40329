import thirdparty
value = thirdparty.VALUE
del thirdparty
