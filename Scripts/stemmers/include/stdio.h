/* Snowball's runtime includes <stdio.h> only for code it leaves out (#if 0). */
